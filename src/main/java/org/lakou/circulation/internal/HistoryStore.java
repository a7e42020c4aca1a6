package org.lakou.circulation.internal;

import java.util.Comparator;
import java.util.List;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.lakou.circulation.LoanHistoryEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@code loan_history/_id = loanId}, plus two small lists of loan ids, one per member and one per
 * copy ({@code _id} = member id or barcode), so a history is two single-key reads instead of a
 * scan of every loan ever made. Appending is idempotent: a reconciler may repeat it.
 */
@Component
class HistoryStore {

    static final String COLLECTION = "loan_history";
    static final String BY_MEMBER = "loan_history_by_member";
    static final String BY_COPY = "loan_history_by_copy";

    private final MongoTemplate mongo;

    HistoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void append(LoanHistoryEntry e) {
        Document d = new Document("_id", e.loanId()).append("barcode", e.barcode()).append("recordId", e.recordId())
                .append("memberId", e.memberId()).append("checkedOut", Claim.date(e.checkedOut()))
                .append("due", Claim.date(e.due())).append("ended", Claim.date(e.ended()))
                .append("renewals", e.renewals()).append("outcome", e.outcome().name());
        try {
            mongo.getCollection(COLLECTION).insertOne(d);
        } catch (com.mongodb.MongoWriteException dup) {
            if (dup.getError().getCode() != 11000) {
                throw dup;
            }
        }
        index(BY_MEMBER, e.memberId(), e.loanId());
        index(BY_COPY, e.barcode(), e.loanId());
    }

    java.util.Optional<LoanHistoryEntry> find(String loanId) {
        return java.util.Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", loanId)).first())
                .map(HistoryStore::entry);
    }

    /** Loans ended since {@code since}: a scan, for the reconciler's rare sweep only. */
    List<LoanHistoryEntry> endedSince(java.time.Instant since) {
        Query q = Query.query(Criteria.where("ended").gte(java.util.Date.from(since)));
        q.cursorBatchSize(1000);
        return mongo.find(q, Document.class, COLLECTION).stream().map(HistoryStore::entry).toList();
    }

    List<LoanHistoryEntry> ofMember(String memberId) {
        return of(BY_MEMBER, memberId);
    }

    List<LoanHistoryEntry> ofCopy(String barcode) {
        return of(BY_COPY, barcode);
    }

    private void index(String collection, String key, String loanId) {
        mongo.getCollection(collection).updateOne(new Document("_id", key),
                new Document("$addToSet", new Document("loans", loanId)), new UpdateOptions().upsert(true));
    }

    private List<LoanHistoryEntry> of(String collection, String key) {
        Document idx = mongo.getCollection(collection).find(new Document("_id", key)).first();
        if (idx == null) {
            return List.of();
        }
        List<String> ids = idx.getList("loans", String.class);
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(HistoryStore::entry)
                .sorted(Comparator.comparing(LoanHistoryEntry::ended).reversed())
                .toList();
    }

    private static LoanHistoryEntry entry(Document d) {
        return new LoanHistoryEntry(d.getString("_id"), d.getString("barcode"), d.getString("recordId"),
                d.getString("memberId"), Claim.instant(d, "checkedOut"), Claim.instant(d, "due"),
                Claim.instant(d, "ended"), d.getInteger("renewals", 0),
                LoanHistoryEntry.Outcome.valueOf(d.getString("outcome")));
    }
}
