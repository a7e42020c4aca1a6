package org.lakou.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestJob.State;
import org.lakou.shared.NodeLiveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Batch jobs in {@code ingest_jobs}, written by {@code _id} only. A running job names its node and
 * refreshes its heartbeat. A job whose node stopped would stay RUNNING forever, so a job read while
 * its node has stopped beating ({@link NodeLiveness}) is marked failed there and then; jobs written
 * before jobs named their node fall back to a long silence, checked at each start (a small
 * collection: the scan is cheap and rare).
 */
@Component
class JobStore {

    static final String COLLECTION = "ingest_jobs";
    private static final Duration SILENT = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(JobStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NodeLiveness nodes;

    JobStore(MongoTemplate mongo, Clock clock, NodeLiveness nodes) {
        this.mongo = mongo;
        this.clock = clock;
        this.nodes = nodes;
    }

    void save(IngestJob job) {
        Document d = new Document("_id", job.id()).append("state", job.state().name()).append("source", job.source())
                .append("total", job.total()).append("imported", job.imported()).append("duplicates", job.duplicates())
                .append("quarantined", new Document(Map.copyOf(job.quarantined()))).append("skippedTooLarge", job.skippedTooLarge()).append("failed", job.failed())
                .append("skipped", new Document(Map.copyOf(job.skipped())))
                .append("started", Date.from(job.started()))
                .append("finished", job.finished() == null ? null : Date.from(job.finished()))
                .append("error", job.error()).append("heartbeat", Date.from(clock.instant()))
                .append("node", nodes.self());
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", job.id()), d, new ReplaceOptions().upsert(true));
    }

    Optional<IngestJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::checked);
    }

    List<IngestJob> recent(int limit) {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "started")).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(this::checked).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failSilentJobs() {
        Query q = Query.query(Criteria.where("state").is(State.RUNNING.name()));
        mongo.find(q, Document.class, COLLECTION).forEach(this::checked);
    }

    /** The job as stored, unless it is running on a node that has stopped: then it failed. */
    private IngestJob checked(Document d) {
        IngestJob j = job(d);
        if (j.state() != State.RUNNING || !stopped(d)) {
            return j;
        }
        log.warn("Batch job {} stopped without finishing; marking it failed", j.id());
        IngestJob failed = new IngestJob(j.id(), State.FAILED, j.source(), j.total(), j.imported(), j.duplicates(),
                j.quarantined(), j.skippedTooLarge(), j.failed(), j.skipped(), j.started(), clock.instant(),
                "interrupted: its server stopped");
        save(failed);
        return failed;
    }

    private boolean stopped(Document d) {
        String node = d.getString("node");
        if (node != null) {
            return !nodes.alive(node);
        }
        Date heartbeat = d.getDate("heartbeat");
        return heartbeat == null || heartbeat.toInstant().isBefore(clock.instant().minus(SILENT));
    }

    private static IngestJob job(Document d) {
        Map<String, Integer> quarantined = new LinkedHashMap<>();
        d.get("quarantined", new Document()).forEach((k, v) -> quarantined.put(k, ((Number) v).intValue()));
        Map<String, Integer> skipped = new LinkedHashMap<>();
        d.get("skipped", new Document()).forEach((k, v) -> skipped.put(k, ((Number) v).intValue()));
        Date finished = d.getDate("finished");
        return new IngestJob(d.getString("_id"), State.valueOf(d.getString("state")), d.getString("source"),
                d.getInteger("total", 0), d.getInteger("imported", 0), d.getInteger("duplicates", 0), quarantined,
                d.getInteger("skippedTooLarge", 0), d.getInteger("failed", 0), skipped, d.getDate("started").toInstant(),
                finished == null ? null : finished.toInstant(), d.getString("error"));
    }
}
