package org.lakou.shared.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.lakou.shared.JobLease;
import org.lakou.shared.NodeLiveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One document per node in {@code app_nodes}, rewritten by {@code _id} every few seconds. The first
 * beat is written at start-up, before this node can claim anything, so a fresh claim is never
 * mistaken for a dead node's. A node that was killed simply stops beating.
 */
@Component
class MongoNodeLiveness implements NodeLiveness {

    static final Duration BEAT = Duration.ofSeconds(3);
    /** Several missed beats, so a GC pause or a slow write does not make a living node look dead. */
    static final Duration SILENCE = BEAT.multipliedBy(5);
    private static final String COLLECTION = "app_nodes";
    private static final Logger log = LoggerFactory.getLogger(MongoNodeLiveness.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String self;

    MongoNodeLiveness(MongoTemplate mongo, Clock clock, JobLease lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.self = lease.nodeId();
        beat();
        // every start is a new node id: forget the long-dead ones (a scan, but of a tiny collection, once)
        Date longAgo = Date.from(clock.instant().minus(Duration.ofDays(1)));
        mongo.getCollection(COLLECTION).deleteMany(Filters.lt("seen", longAgo));
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public boolean alive(String nodeId) {
        if (self.equals(nodeId)) {
            return true;
        }
        Document d = mongo.findById(nodeId, Document.class, COLLECTION);
        return d != null && d.getDate("seen").toInstant().isAfter(clock.instant().minus(SILENCE));
    }

    @Scheduled(fixedDelay = 3_000, initialDelay = 3_000)
    void scheduledBeat() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Heartbeat not written: {}", e.toString()); // Mongo down: the next beat retries
        }
    }

    private void beat() {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", self),
                new Document("_id", self).append("seen", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }
}
