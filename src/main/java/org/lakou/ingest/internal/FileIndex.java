package org.lakou.ingest.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * SHA-256 → what became of those bytes: a record, a quarantine entry, or (a claim) nothing yet
 * because a node is ingesting them now. Looked up by {@code _id} alone, a lookup even on
 * mongo-java-server. Inserting the claim is atomic on any MongoDB, so two uploads of the same
 * file, on one node or on two, never make two records.
 */
@Component
class FileIndex {

    static final String COLLECTION = "file_index";

    /**
     * {@code holder} is the node ingesting the bytes; {@code planned} the id the record will get,
     * chosen with the claim, so whoever finishes a dead holder's work writes the same record.
     */
    record Entry(String sha256, String recordId, boolean quarantined, Instant claimed, String holder,
            String planned) {
        boolean pending() {
            return recordId == null && !quarantined && claimed != null;
        }
    }

    private final MongoTemplate mongo;

    FileIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Entry> find(String sha256) {
        Document d = mongo.findById(sha256, Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        Date claimed = d.getDate("claimed");
        return Optional.of(new Entry(sha256, d.getString("recordId"), d.getBoolean("quarantined", false),
                claimed == null ? null : claimed.toInstant(), d.getString("holder"), d.getString("planned")));
    }

    /** True when this caller now owns the ingestion of these bytes. */
    boolean claim(String sha256, Instant now, String holder, String planned) {
        try {
            mongo.insert(new Document("_id", sha256).append("claimed", Date.from(now)).append("holder", holder)
                    .append("planned", planned), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Takes over a claim whose holder is presumed dead. A full scan on mongo-java-server, but rare. */
    boolean takeOver(String sha256, Instant staleClaim, Instant now, String holder) {
        Query q = Query.query(Criteria.where("_id").is(sha256).and("claimed").is(Date.from(staleClaim))
                .and("recordId").exists(false).and("quarantined").exists(false));
        return mongo.updateFirst(q, Update.update("claimed", Date.from(now)).set("holder", holder), COLLECTION)
                .getModifiedCount() == 1;
    }

    void complete(String sha256, String recordId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sha256)),
                new Update().set("recordId", recordId).unset("claimed").unset("holder").unset("planned"), COLLECTION);
    }

    void release(String sha256) {
        mongo.remove(Query.query(Criteria.where("_id").is(sha256)), COLLECTION);
    }

    /** The bytes went to the quarantine: later copies find the entry without parsing again. */
    void quarantined(String sha256) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sha256)),
                new Update().set("quarantined", true).unset("claimed").unset("holder").unset("planned"), COLLECTION);
    }

    /** The record was deleted: the same bytes may come in again. A scan on mongo-java-server, but rare. */
    void forgetRecord(String sha256, String recordId) {
        mongo.remove(Query.query(Criteria.where("_id").is(sha256).and("recordId").is(recordId)), COLLECTION);
    }

    /** What the entry pointed at is gone; the next attempt claims the bytes afresh. */
    void forget(String sha256) {
        release(sha256);
    }
}
