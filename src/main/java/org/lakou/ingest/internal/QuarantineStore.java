package org.lakou.ingest.internal;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.lakou.ingest.QuarantineEntry;
import org.lakou.ingest.QuarantineReason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code quarantine} collection, keyed by the file's SHA-256 so the same bytes make one entry.
 * It holds only failures, so listing it by a scan is fine; nothing on the upload path lists it.
 */
@Component
class QuarantineStore {

    static final String COLLECTION = "quarantine";

    private final MongoTemplate mongo;

    QuarantineStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<QuarantineEntry> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(QuarantineStore::entry);
    }

    /** The first entry for these bytes wins; a later attempt returns it unchanged. */
    QuarantineEntry add(QuarantineEntry e) {
        Document d = new Document("_id", e.id()).append("fileName", e.fileName()).append("sha256", e.sha256())
                .append("size", e.size()).append("reason", e.reason().code()).append("detail", e.detail())
                .append("detectedType", e.detectedType()).append("created", Date.from(e.created()))
                .append("fileKept", e.fileKept());
        try {
            mongo.insert(d, COLLECTION);
            return e;
        } catch (DuplicateKeyException already) {
            return find(e.id()).orElse(e);
        }
    }

    void remove(String id) {
        mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), COLLECTION);
    }

    List<QuarantineEntry> recent(int limit) {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "created")).limit(limit);
        q.cursorBatchSize(Math.min(limit, 500));
        return mongo.find(q, Document.class, COLLECTION).stream().map(QuarantineStore::entry).toList();
    }

    private static QuarantineEntry entry(Document d) {
        return new QuarantineEntry(d.getString("_id"), d.getString("fileName"), d.getString("sha256"),
                ((Number) d.get("size")).longValue(), QuarantineReason.of(d.getString("reason")),
                d.getString("detail"), d.getString("detectedType"), d.getDate("created").toInstant(),
                d.getBoolean("fileKept", false));
    }
}
