package org.lakou.duplicates.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.IndexSource;
import org.lakou.duplicates.DuplicatesProperties;
import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives a signature to every record without a complete one: records from before this feature,
 * records catalogued by hand, scans whose text came later (a textless record is looked at again
 * at each start-up), and any record a crash left half-registered. Runs once after start-up, in
 * the background, on one node (Mongo lease); rerunning it finds nothing left to do. Records are
 * filed in bulk ({@link BulkRegistration}): 100,000 records one by one meant 3.2 million bucket
 * writes.
 */
@Component
class SignatureBackfill {

    static final String LEASE = "near-duplicates-backfill";
    /** Long enough for one batch of {@link #BATCH} records filed on a loaded machine. */
    private static final Duration LEASE_TTL = Duration.ofMinutes(15);
    private static final int CHUNK = 200;
    /**
     * Records filed together: each batch reads and writes nearly every bucket document (up to
     * 131,072) once, so bigger batches are cheaper per record, up to {@link BulkRegistration#MAX_BATCH}.
     */
    private static final int BATCH = 20_000;
    private static final Logger log = LoggerFactory.getLogger(SignatureBackfill.class);

    private final CatalogueApi catalogue;
    private final SignatureStore store;
    private final BandStore bands;
    private final BulkRegistration bulk;
    private final PendingFiler pendingFiler;
    private final PendingStore queue;
    private final JobLease lease;
    private final DuplicatesProperties properties;
    private final boolean cli;

    SignatureBackfill(CatalogueApi catalogue, SignatureStore store, BandStore bands, BulkRegistration bulk,
            PendingFiler pendingFiler, PendingStore queue, JobLease lease, DuplicatesProperties properties,
            Environment env) {
        this.catalogue = catalogue;
        this.store = store;
        this.bands = bands;
        this.bulk = bulk;
        this.pendingFiler = pendingFiler;
        this.queue = queue;
        this.lease = lease;
        this.properties = properties;
        this.cli = env.getProperty("lakou.cli", Boolean.class, false);
    }

    /** A command-line run (import, reindex) ends too soon for it; the next server start does it. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.backfill() && !cli) {
            Thread t = new Thread(this::runLogged, "lakou-near-duplicates-backfill");
            t.setDaemon(true);
            t.start();
        }
    }

    private void runLogged() {
        try {
            int n = run();
            if (n > 0) {
                log.info("Near-duplicate signatures computed for {} record(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Near-duplicate backfill stopped; it resumes at the next start-up: {}", e.toString());
        }
    }

    /** @return how many records were registered; 0 also when another node holds the lease */
    int run() {
        if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
            return 0;
        }
        int done = 0;
        try {
            if (bands.dropLegacy()) {
                log.info("Near-duplicate buckets moved to the merged layout: every record is filed again");
            }
            if (!bands.schemeCurrent() && resetBands()) {
                log.info("Near-duplicate bands reset for signature scheme {}: every record is signed and filed again",
                        MinHash.SCHEME);
            }
            // records a crash left queued are filed first, so that they count as complete below
            pendingFiler.drain();
            List<String> ids = catalogue.recordIds();
            Map<String, int[]> pending = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                done += signMissing(ids.subList(from, Math.min(ids.size(), from + CHUNK)), pending);
                if (pending.size() >= BATCH || from + CHUNK >= ids.size()) {
                    bulk.register(pending);
                    pending.clear();
                }
                if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
                    throw new IllegalStateException("lost the lease to another node");
                }
            }
        } finally {
            lease.release(LEASE);
        }
        return done;
    }

    /**
     * Holds this node's filer and the filing lease, so that no drain files a record into bands
     * being emptied (it would be marked bucketed and never refiled); the queued records are
     * dropped with the bands, their signatures being marked not bucketed. Another node filing
     * keeps the old bands until a later start-up.
     */
    private boolean resetBands() {
        pendingFiler.lock.lock();
        try {
            if (!lease.tryAcquire(PendingFiler.LEASE, PendingFiler.LEASE_TTL)) {
                log.warn("Near-duplicate bands not reset: another node is filing; retried at the next start-up");
                return false;
            }
            queue.clear();
            bands.reset();
            return true;
        } finally {
            pendingFiler.lock.unlock();
        }
    }

    /** Computes the signatures of the chunk's records that have no complete one, into {@code pending}. */
    private int signMissing(List<String> chunk, Map<String, int[]> pending) {
        Set<String> complete = store.complete(chunk);
        List<String> todo = new ArrayList<>(chunk);
        todo.removeAll(complete);
        int n = 0;
        for (IndexSource s : todo.isEmpty() ? List.<IndexSource>of() : catalogue.indexSources(todo)) {
            if (!s.record().deleted()) {
                pending.put(s.record().id(), NearDuplicateService.signature(s.record(), s.text()));
                n++;
            }
        }
        return n;
    }
}
