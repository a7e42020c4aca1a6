package org.lakou.duplicates.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Records checked but not yet filed in their buckets: {@code near_dup_pending/_id = recordId}
 * with the signature and a sequence number. The background filer ({@link PendingFiler}) empties
 * it every second or so, so it holds a handful of documents and a check reads it whole: one query,
 * no index needed. A record stays here until it is in every bucket, so a crash loses none.
 */
@Component
class PendingStore {

    static final String PENDING = "near_dup_pending";

    /** A queued record: {@code seq} tells a re-queued signature from the one a drain read. */
    record Pending(String id, int[] sig, long seq) {
    }

    private final MongoTemplate mongo;

    PendingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Queues (or re-queues, with the newer signature) a record for filing. */
    void add(String id, int[] sig) {
        mongo.save(new Document("_id", id).append("sig", new Binary(SignatureStore.encode(sig)))
                .append("seq", java.util.concurrent.ThreadLocalRandom.current().nextLong()).append("at", new java.util.Date()),
                PENDING);
    }

    /** The queued records, oldest first, at most {@code limit} (0: all). */
    List<Pending> read(int limit) {
        Query q = new Query();
        q.limit(limit);
        return mongo.find(q, Document.class, PENDING).stream()
                .sorted(Comparator.comparing((Document d) -> d.getDate("at")).thenComparing(d -> d.getString("_id")))
                .map(d -> new Pending(d.getString("_id"), SignatureStore.decode(d.get("sig", Binary.class).getData()),
                        d.getLong("seq")))
                .toList();
    }

    /** Record id to signature, for the check. */
    static Map<String, int[]> signatures(List<Pending> pending) {
        Map<String, int[]> out = new LinkedHashMap<>();
        pending.forEach(p -> out.put(p.id(), p.sig()));
        return out;
    }

    /**
     * Takes filed records off the queue, each only if it still holds the signature that was filed:
     * one re-queued meanwhile (its text changed) stays for the next drain.
     */
    void remove(Collection<Pending> filed) {
        if (filed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PENDING);
        filed.forEach(p -> bulk.remove(Query.query(Criteria.where("_id").is(p.id()).and("seq").is(p.seq()))));
        bulk.execute();
    }

    /** Empties the queue: its records are all filed anew when the bands are reset. */
    void clear() {
        if (mongo.collectionExists(PENDING)) { // mongo-java-server logs a stack trace for a missing one
            mongo.dropCollection(PENDING);
        }
    }

    /** A record whose text is now too short to judge is no longer to be filed. */
    void drop(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), PENDING);
    }
}
