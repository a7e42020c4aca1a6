package org.lakou.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The change feed's in-flight marker in MongoDB, for readers on nodes other than the indexer's:
 * one document ({@code _id: "catalogue"}) naming the smallest seq of the batch being sent and not
 * yet committed. The indexer writes it before it numbers a batch and removes it after the commit;
 * a reader waits while it names a seq below the reader's upper bound. A marker left by a node
 * that died mid-batch expires: that batch was never acknowledged, so it is sent again with new
 * seqs and nothing is lost by ignoring it.
 */
@Component
class FeedInFlight {

    static final String COLLECTION = "index_feed_inflight";
    private static final String ID = "catalogue";
    /** Far longer than any commit; only bounds how long a dead indexer's marker holds readers up. */
    static final Duration EXPIRY = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    FeedInFlight(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void begin(long fromSeq) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().set("from", fromSeq).set("node", node)
                .set("expires", Date.from(clock.instant().plus(EXPIRY))), COLLECTION);
    }

    void end() {
        try {
            mongo.remove(Query.query(Criteria.where("_id").is(ID)), COLLECTION);
        } catch (DataAccessException e) {
            // it expires by itself; readers wait for it at most until then
        }
    }

    /** Whether another node has a batch in flight numbered below {@code untilSeq}. */
    boolean othersBelow(long untilSeq) {
        Document d = mongo.findById(ID, Document.class, COLLECTION);
        if (d == null || node.equals(d.getString("node"))) {
            return false; // this node's own batches are tracked in memory by FeedSequencer
        }
        Date expires = d.getDate("expires");
        return d.get("from") instanceof Number from && from.longValue() < untilSeq
                && expires != null && expires.toInstant().isAfter(clock.instant());
    }
}
