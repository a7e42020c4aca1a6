package org.lakou.circulation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Quota slots: {@code loan_slots/_id = memberId#k}, k from 1 to the policy's maximum. Taking a slot
 * is an insert, so two racing checkouts by one member can never both get the last one. A member's
 * slots are read with one {@code _id $in} query, which also tells whether any loan is overdue.
 */
@Component
class SlotStore {

    static final String COLLECTION = "loan_slots";

    private final MongoTemplate mongo;

    SlotStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Slot(String memberId, int k, String barcode, String loanId, Instant due, Instant takenAt) {
        static Slot of(Document d) {
            String id = d.getString("_id");
            int hash = id.lastIndexOf('#');
            return new Slot(id.substring(0, hash), Integer.parseInt(id.substring(hash + 1)), d.getString("barcode"),
                    d.getString("loanId"), Claim.instant(d, "due"), Claim.instant(d, "takenAt"));
        }
    }

    static String id(String memberId, int k) {
        return memberId + "#" + k;
    }

    /** The member's slots 1..upTo that are taken. */
    List<Slot> taken(String memberId, int upTo) {
        List<String> ids = new ArrayList<>(upTo);
        for (int k = 1; k <= upTo; k++) {
            ids.add(id(memberId, k));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(Slot::of).toList();
    }

    /** @return false when the slot is already taken */
    boolean take(String memberId, int k, String barcode, String loanId, Instant due, Instant now) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", id(memberId, k)).append("barcode", barcode)
                    .append("loanId", loanId).append("due", Date.from(due)).append("takenAt", Date.from(now)));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Frees the slot only if it still belongs to this loan. */
    void release(String memberId, int k, String loanId) {
        mongo.remove(Query.query(Criteria.where("_id").is(id(memberId, k)).and("loanId").is(loanId)), COLLECTION);
    }

    void setDue(String memberId, int k, String loanId, Instant due) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(memberId, k)).and("loanId").is(loanId)),
                Update.update("due", Date.from(due)), COLLECTION);
    }

    List<Slot> all() {
        Query q = new Query();
        q.cursorBatchSize(1000);
        return mongo.find(q, Document.class, COLLECTION).stream().map(Slot::of).toList();
    }
}
