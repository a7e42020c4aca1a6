package org.lakou.shared.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.lakou.shared.JobLease;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases live in a tiny {@code job_leases} collection keyed by job name. Taking a free or expired
 * lease is one conditional update; taking a never-seen lease is an insert whose duplicate-key error
 * tells us another node won. No transactions are needed.
 */
@Component
class MongoJobLease implements JobLease {

    private static final String COLLECTION = "job_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    MongoJobLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String job, Duration ttl) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(ttl));
        Query mineOrExpired = Query.query(Criteria.where("_id").is(job)
                .orOperator(Criteria.where("holder").is(nodeId), Criteria.where("until").lt(Date.from(now))));
        var result = mongo.updateFirst(mineOrExpired,
                Update.update("holder", nodeId).set("until", until), COLLECTION);
        if (result.getMatchedCount() == 1) {
            return true;
        }
        try {
            mongo.insert(new Document("_id", job).append("holder", nodeId).append("until", until), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public void release(String job) {
        mongo.remove(Query.query(Criteria.where("_id").is(job).and("holder").is(nodeId)), COLLECTION);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }
}
