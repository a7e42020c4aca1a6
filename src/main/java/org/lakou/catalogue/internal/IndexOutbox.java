package org.lakou.catalogue.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.IndexSource;
import org.lakou.catalogue.Indexed;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The search module's side of the outbox: what is pending, acknowledging what reached the index,
 * and the sweeps that queue records again. Record documents are touched by collection name only,
 * never through the {@code @Version} entity, so indexing never bumps a record's version.
 */
@Component
class IndexOutbox {

    private static final String RECORDS = "records";

    private final MongoTemplate mongo;
    private final IndexQueue queue;
    private final TextStore texts;
    private final ApplicationEventPublisher events;

    IndexOutbox(MongoTemplate mongo, IndexQueue queue, TextStore texts, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.queue = queue;
        this.texts = texts;
        this.events = events;
    }

    List<IndexWork> pending(int limit) {
        return queue.peek(limit);
    }

    long pendingCount() {
        return queue.size();
    }

    Optional<Instant> oldestPending() {
        return queue.oldestQueued();
    }

    /**
     * The records of a batch with their texts and stamps: two queries whatever the batch size.
     * Ids with no record are left out.
     */
    List<IndexSource> sources(List<String> recordIds) {
        List<RecordDocument> docs = mongo.find(Query.query(Criteria.where("_id").in(recordIds)), RecordDocument.class);
        Map<String, String> texts = this.texts.textsById(docs.stream().filter(d -> !d.deleted)
                .flatMap(d -> d.files.stream().map(FileRef::id)).toList());
        Map<String, IndexSource> byId = new HashMap<>();
        for (RecordDocument d : docs) {
            String text = d.deleted ? "" : TextStore.joined(d.files.stream().map(FileRef::id).toList(), texts);
            byId.put(d.id, new IndexSource(d.toRecord(), text, d.indexStamp, d.published));
        }
        return recordIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Two bulk writes: the records' indexed versions and stamps, then the outbox entries, each
     * removed only if no newer version was queued meanwhile (so an edit racing the indexer stays
     * queued).
     */
    void markIndexed(List<Indexed> done) {
        if (done.isEmpty()) {
            return;
        }
        BulkOperations records = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RECORDS);
        for (Indexed d : done) {
            Update update = new Update().max("indexedVersion", d.version());
            if (d.stamp() != null) {
                update.set("indexStamp", new Document("seq", d.stamp().seq())
                        .append("fingerprint", d.stamp().fingerprint()));
            }
            records.updateOne(byId(d.recordId()), update);
        }
        records.execute();
        queue.ack(done.stream().map(d -> new IndexWork(d.recordId(), d.version())).toList());
    }

    int requeue(Collection<String> recordIds) {
        int n = 0;
        for (String id : recordIds) {
            Long version = versionOf(id);
            if (version != null) {
                queue.enqueue(id, version);
                events.publishEvent(new RecordChanged(id, version, Change.REQUEUED));
                n++;
            }
        }
        return n;
    }

    /** A full scan, projected to three fields and batched: rare, never on a request path. */
    int sweep(boolean onlyLagging) {
        Query q = new Query();
        q.fields().include("_id", "version", "indexedVersion");
        q.cursorBatchSize(1000);
        int[] n = {0};
        mongo.stream(q, Document.class, RECORDS).forEach(d -> {
            long version = ((Number) d.get("version")).longValue();
            Number indexed = (Number) d.get("indexedVersion");
            if (!onlyLagging || indexed == null || indexed.longValue() < version) {
                queue.enqueue(d.getString("_id"), version);
                n[0]++;
            }
        });
        if (n[0] > 0) {
            events.publishEvent(new RecordChanged(null, 0, Change.REQUEUED));
        }
        return n[0];
    }

    List<String> ids() {
        Query q = new Query();
        q.fields().include("_id");
        q.cursorBatchSize(1000);
        return mongo.stream(q, Document.class, RECORDS).map(d -> d.getString("_id")).toList();
    }

    private Long versionOf(String recordId) {
        Query q = byId(recordId);
        q.fields().include("_id", "version");
        Document d = mongo.findOne(q, Document.class, RECORDS);
        return d != null && d.get("version") instanceof Number v ? v.longValue() : null;
    }

    private static Query byId(String recordId) {
        return Query.query(Criteria.where("_id").is(recordId));
    }
}
