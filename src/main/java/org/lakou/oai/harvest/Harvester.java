package org.lakou.oai.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.HarvestWrite;
import org.lakou.catalogue.Provenance;
import org.lakou.catalogue.RecordFields;
import org.lakou.oai.internal.OaiProperties;
import org.lakou.oai.internal.SubjectVocabulary;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Harvests one partner with XOAI's service provider. The first run takes everything; later runs
 * ask {@code from} the partner's responseDate at the start of the last successful run, inclusive,
 * so the boundary record comes again and upserts must be idempotent (they are: copies are keyed
 * by source and OAI identifier). Deleted headers remove the copy. A failed run is retried from the
 * same checkpoint with back-off; XOAI keeps its resumption token private, so a run cannot resume
 * mid-list. A Mongo lease keeps one node per source.
 */
@Component
public class Harvester {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);
    private static final Duration LEASE_TTL = Duration.ofMinutes(5);
    private static final int RENEW_EVERY = 200;

    private final HarvestStore store;
    private final CatalogueApi catalogue;
    private final MetadataReader reader;
    private final JobLease lease;
    private final OaiProperties.Harvest settings;
    private final Clock clock;

    Harvester(HarvestStore store, CatalogueApi catalogue, SubjectVocabulary vocabulary, JobLease lease,
            OaiProperties properties, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.reader = new MetadataReader(vocabulary);
        this.lease = lease;
        this.settings = properties.harvest();
        this.clock = clock;
    }

    static String leaseName(String sourceId) {
        return "oai-harvest:" + sourceId;
    }

    /** Runs now on the calling thread; a run already going on elsewhere gives a SKIPPED entry. */
    public HarvestRun run(String sourceId, String trigger) {
        return run(sourceId, trigger, true);
    }

    /**
     * As above; without {@code recordSkip}, a run that another node holds records nothing and
     * answers null (the scheduler's case: every node ticks, one runs).
     */
    HarvestRun run(String sourceId, String trigger, boolean recordSkip) {
        HarvestSource source = store.source(sourceId).orElseThrow(() -> ApiException.notFound("Harvest source", sourceId));
        Counters c = new Counters();
        Instant started = clock.instant();
        String runId = Ids.newId();
        if (!lease.tryAcquire(leaseName(sourceId), LEASE_TTL)) {
            if (!recordSkip) {
                return null;
            }
            c.errors.add("Another node is harvesting this source");
            return store.save(c.toRun(runId, source, trigger, HarvestRun.Status.SKIPPED, started, clock.instant(), null));
        }
        try {
            store.save(c.toRun(runId, source, trigger, HarvestRun.Status.RUNNING, started, null, null));
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                c.attempts = attempt;
                try {
                    Instant responseDate = harvestOnce(source, c);
                    Instant checkpoint = responseDate != null ? responseDate : source.lastDatestamp();
                    store.source(sourceId).ifPresent(s -> store.save(s.withProgress(checkpoint, c.granularity)));
                    return store.save(c.toRun(runId, source, trigger, HarvestRun.Status.SUCCEEDED, started,
                            clock.instant(), responseDate));
                } catch (RuntimeException e) {
                    String message = describe(e);
                    c.errors.add("attempt " + attempt + ": " + message);
                    log.warn("Harvest of {} failed (attempt {}/{}): {}", source.name(), attempt, settings.maxAttempts(),
                            message);
                    if (attempt < settings.maxAttempts()) {
                        sleep(settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 6)));
                    }
                }
            }
            return store.save(c.toRun(runId, source, trigger, HarvestRun.Status.FAILED, started, clock.instant(), null));
        } finally {
            lease.release(leaseName(sourceId));
        }
    }

    private Instant harvestOnce(HarvestSource source, Counters c) {
        PartnerClient client = new PartnerClient(source.baseUrl(), settings.requestTimeout(), settings.maxAttempts(),
                settings.backoff());
        Context context = new Context().withBaseUrl(source.baseUrl()).withOAIClient(client).withSaveUnparsedMetadata();
        ServiceProvider provider = new ServiceProvider(context);
        Granularity granularity = provider.identify().getGranularity();
        granularity = granularity == null ? Granularity.Second : granularity;
        context.withGranularity(granularity);
        c.granularity = granularity.toString();
        int pagesBefore = client.pages();
        ListRecordsParameters params = ListRecordsParameters.request().withMetadataPrefix(source.metadataPrefix());
        params.withGranularity(granularity.toString());
        if (source.set() != null && !source.set().isBlank()) {
            params.withSetSpec(source.set());
        }
        if (source.lastDatestamp() != null) {
            params.withFrom(granularity == Granularity.Day
                    ? source.lastDatestamp().truncatedTo(java.time.temporal.ChronoUnit.DAYS) : source.lastDatestamp());
        }
        c.from = params.getFrom();
        try {
            Iterator<Record> records = provider.listRecords(params);
            int n = 0;
            while (records.hasNext()) {
                apply(source, records.next(), c);
                if (++n % RENEW_EVERY == 0 && !lease.tryAcquire(leaseName(source.id()), LEASE_TTL)) {
                    throw new IllegalStateException("Lost the harvest lease to another node");
                }
            }
        } catch (io.gdcc.xoai.serviceprovider.exceptions.BadArgumentException e) {
            throw new IllegalStateException("The partner refused the request: " + e.getMessage(), e);
        } finally {
            c.pages += client.pages() - pagesBefore;
        }
        return client.firstResponseDate();
    }

    private void apply(HarvestSource source, Record record, Counters c) {
        Header h = record.getHeader();
        if (h.isDeleted()) {
            count(c, catalogue.removeHarvested(source.id(), h.getIdentifier()));
            return;
        }
        String xml = record.getMetadata() == null ? null : record.getMetadata().asUnparsedString();
        RecordFields fields;
        try {
            fields = xml == null ? null : reader.read(xml);
        } catch (javax.xml.stream.XMLStreamException e) {
            fields = null;
        }
        if (fields == null) {
            c.skipped++;
            if (c.errors.size() < 50) {
                c.errors.add("skipped " + h.getIdentifier() + ": no usable title or unreadable metadata");
            }
            return;
        }
        count(c, catalogue.upsertHarvested(new Provenance(source.id(), source.name(), h.getIdentifier(),
                h.getDatestamp()), fields));
    }

    private static void count(Counters c, HarvestWrite w) {
        switch (w.outcome()) {
            case ADDED -> c.added++;
            case UPDATED -> c.updated++;
            case DELETED -> c.deleted++;
            case UNCHANGED -> c.unchanged++;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Counters {
        int attempts;
        int pages;
        int added;
        int updated;
        int deleted;
        int unchanged;
        int skipped;
        String granularity;
        Instant from;
        final List<String> errors = new ArrayList<>();

        HarvestRun toRun(String id, HarvestSource s, String trigger, HarvestRun.Status status, Instant started,
                Instant ended, Instant responseDate) {
            return new HarvestRun(id, s.id(), trigger, status, started, ended, from, responseDate, attempts, pages,
                    added, updated, deleted, unchanged, skipped, List.copyOf(errors));
        }
    }
}
