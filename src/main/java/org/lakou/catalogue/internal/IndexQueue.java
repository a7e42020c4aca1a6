package org.lakou.catalogue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.lakou.catalogue.IndexWork;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The outbox: one small document per record awaiting indexing, keyed by record id so a burst of
 * edits to one record is one entry. It stays small, so reading it whole is cheap even on
 * mongo-java-server, which has no secondary indexes.
 */
@Component
class IndexQueue {

    static final String COLLECTION = "index_queue";

    private final MongoTemplate mongo;
    private final Clock clock;

    IndexQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void enqueue(String recordId, long version) {
        Document entry = new Document("_id", recordId).append("version", version)
                .append("queued", Date.from(clock.instant()));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", recordId), entry,
                new ReplaceOptions().upsert(true));
    }

    void enqueueAll(Collection<IndexWork> work) {
        work.forEach(w -> enqueue(w.recordId(), w.version()));
    }

    /** Entries for records that were just created, so none can exist yet: one bulk insert. */
    void enqueueNew(Collection<IndexWork> work) {
        if (work.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        mongo.getCollection(COLLECTION).insertMany(work.stream().map(w -> new Document("_id", w.recordId())
                .append("version", w.version()).append("queued", now)).toList());
    }

    List<IndexWork> peek(int limit) {
        Query q = new Query().limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream()
                .map(d -> new IndexWork(d.getString("_id"), ((Number) d.get("version")).longValue()))
                .toList();
    }

    /**
     * Removes each entry unless a newer version was queued meanwhile, in one bulk write. The
     * filter names {@code _id}, so even mongo-java-server finds each entry by key (see
     * {@code IndexedH2Collection}) instead of scanning the queue.
     */
    void ack(Collection<IndexWork> done) {
        if (done.isEmpty()) {
            return;
        }
        mongo.getCollection(COLLECTION).bulkWrite(done.stream()
                .map(w -> new DeleteOneModel<Document>(Filters.and(Filters.eq("_id", w.recordId()),
                        Filters.lte("version", w.version()))))
                .toList(), new BulkWriteOptions().ordered(false));
    }

    /**
     * When the longest-waiting entry was queued. A sort over the whole queue (a scan on
     * mongo-java-server), so it is asked only for a queue small enough to scan cheaply.
     */
    Optional<Instant> oldestQueued() {
        Query q = new Query().with(Sort.by("queued")).limit(1);
        q.fields().include("queued");
        Document d = mongo.findOne(q, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(e -> e.getDate("queued")).map(Date::toInstant);
    }

    /** The collection's document count from its metadata: no scan, polled often by awaitIndexed. */
    long size() {
        return mongo.getCollection(COLLECTION).estimatedDocumentCount();
    }
}
