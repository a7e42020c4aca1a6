package org.lakou.oai.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sources and run logs in MongoDB. Both collections stay small (a network has a few dozen
 * centres; runs are kept per source), so listing them by scan is fine even on mongo-java-server.
 */
@Component
class HarvestStore {

    static final String SOURCES = "harvest_sources";
    static final String RUNS = "harvest_runs";
    private static final int RUNS_SHOWN = 100;

    private final MongoTemplate mongo;

    HarvestStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<HarvestSource> sources() {
        return mongo.find(new Query().with(Sort.by("created")), HarvestSource.class, SOURCES);
    }

    Optional<HarvestSource> source(String id) {
        return Optional.ofNullable(mongo.findById(id, HarvestSource.class, SOURCES));
    }

    HarvestSource save(HarvestSource source) {
        return mongo.save(source, SOURCES);
    }

    void deleteSource(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), SOURCES);
    }

    HarvestRun save(HarvestRun run) {
        return mongo.save(run, RUNS);
    }

    /** When the source's latest real run (not a skipped one) started, on whichever node: what "due" counts from. */
    Optional<Instant> lastRunStart(String sourceId) {
        Query q = Query.query(Criteria.where("sourceId").is(sourceId).and("status").ne(HarvestRun.Status.SKIPPED))
                .with(Sort.by(Sort.Direction.DESC, "started")).limit(1);
        q.fields().include("started");
        return Optional.ofNullable(mongo.findOne(q, org.bson.Document.class, RUNS))
                .map(d -> d.getDate("started")).map(java.util.Date::toInstant);
    }

    List<HarvestRun> runs(String sourceId) {
        Query q = Query.query(Criteria.where("sourceId").is(sourceId))
                .with(Sort.by(Sort.Direction.DESC, "started")).limit(RUNS_SHOWN);
        return mongo.find(q, HarvestRun.class, RUNS);
    }
}
