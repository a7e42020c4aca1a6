package org.lakou.oai.harvest;

import java.time.Clock;
import java.util.List;

import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.springframework.stereotype.Component;

/** Registering, changing and removing partner sources; runs and their logs. */
@Component
public class HarvestSources {

    private final HarvestStore store;
    private final Harvester harvester;
    private final HarvestScheduler scheduler;
    private final Clock clock;

    HarvestSources(HarvestStore store, Harvester harvester, HarvestScheduler scheduler, Clock clock) {
        this.store = store;
        this.harvester = harvester;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public List<HarvestSource> list() {
        return store.sources();
    }

    public HarvestSource get(String id) {
        return store.source(id).orElseThrow(() -> ApiException.notFound("Harvest source", id));
    }

    public HarvestSource create(HarvestSourceRequest r) {
        return store.save(new HarvestSource(Ids.newId(), r.name().strip(), r.baseUrl().strip(), r.metadataPrefix(),
                blankToNull(r.set()), blankToNull(r.schedule()), r.enabled() == null || r.enabled(), null, null,
                clock.instant()));
    }

    /** A change of base URL, format or set starts over with a full harvest. */
    public HarvestSource update(String id, HarvestSourceRequest r) {
        HarvestSource old = get(id);
        boolean sameFeed = old.baseUrl().equals(r.baseUrl().strip()) && old.metadataPrefix().equals(r.metadataPrefix())
                && java.util.Objects.equals(old.set(), blankToNull(r.set()));
        return store.save(new HarvestSource(id, r.name().strip(), r.baseUrl().strip(), r.metadataPrefix(),
                blankToNull(r.set()), blankToNull(r.schedule()), r.enabled() == null || r.enabled(),
                sameFeed ? old.lastDatestamp() : null, sameFeed ? old.granularity() : null, old.created()));
    }

    /** The copies already harvested stay; they are ordinary read-only records. */
    public void delete(String id) {
        get(id);
        store.deleteSource(id);
    }

    public HarvestRun run(String id) {
        get(id);
        return harvester.run(id, "manual");
    }

    /**
     * Starts a manual run in the background, for pages that should not wait for a partner; the run
     * shows in {@link #runs} as RUNNING, then with its outcome. False when one is already going on here.
     */
    public boolean start(String id) {
        get(id);
        return scheduler.launch(id, "manual");
    }

    public List<HarvestRun> runs(String id) {
        get(id);
        return store.runs(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
