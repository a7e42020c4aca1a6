package org.lakou.catalogue.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.lakou.catalogue.IndexStamp;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    IndexOutbox(MongoTemplate mongo, IndexQueue queue, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.queue = queue;
        this.events = events;
    }

    List<IndexWork> pending(int limit) {
        return queue.peek(limit);
    }

    long pendingCount() {
        return queue.size();
    }

    /** {@code stamp} may be null: a record that no longer exists has none. */
    void markIndexed(String recordId, long version, IndexStamp stamp) {
        Update update = new Update().max("indexedVersion", version);
        if (stamp != null) {
            update.set("indexStamp", new Document("seq", stamp.seq()).append("fingerprint", stamp.fingerprint()));
        }
        mongo.updateFirst(byId(recordId), update, RECORDS);
        ack(recordId, version);
    }

    /** Acknowledges the entry; if an edit raced the delete, the record is queued again. */
    private void ack(String recordId, long version) {
        if (queue.ack(recordId, version)) {
            Long current = versionOf(recordId);
            if (current != null && current > version) {
                queue.enqueue(recordId, current);
            }
        }
    }

    Map<String, IndexStamp> indexStamps(Collection<String> recordIds) {
        Query q = Query.query(Criteria.where("_id").in(recordIds));
        q.fields().include("_id", "indexStamp");
        Map<String, IndexStamp> out = new HashMap<>();
        for (Document d : mongo.find(q, Document.class, RECORDS)) {
            Document s = d.get("indexStamp", Document.class);
            if (s != null && s.get("seq") instanceof Number seq) {
                out.put(d.getString("_id"), new IndexStamp(seq.longValue(), s.getString("fingerprint")));
            }
        }
        return out;
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
