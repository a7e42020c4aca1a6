package org.lakou.circulation.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.lakou.circulation.Checkout;
import org.lakou.circulation.LoanHistoryEntry;
import org.lakou.circulation.LoansChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@code loan_history/_id = loanId}, plus two small lists of loan ids in {@code loan_history_keys},
 * one per member ({@code _id = member:<id>}) and one per copy ({@code copy:<barcode>}), so a
 * history is two single-key reads instead of a scan of every loan ever made; both lists are
 * updated in one bulk write. Appending is idempotent: a reconciler may repeat it.
 */
@Component
class HistoryStore {

    static final String COLLECTION = "loan_history";
    static final String KEYS = "loan_history_keys";
    private static final int KEY_READS = 200;
    private static final String MEMBER = "member:";
    private static final String COPY = "copy:";
    /** Where the two lists lived before they shared a collection; moved on start-up. */
    private static final Map<String, String> OLD_KEYS = Map.of("loan_history_by_member", MEMBER,
            "loan_history_by_copy", COPY);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    HistoryStore(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    @PostConstruct
    void moveOldKeys() {
        OLD_KEYS.forEach((collection, prefix) -> {
            if (!mongo.collectionExists(collection)) {
                return;
            }
            for (Document d : mongo.getCollection(collection).find()) {
                mongo.getCollection(KEYS).updateOne(new Document("_id", prefix + d.get("_id")),
                        new Document("$addToSet", new Document("loans", new Document("$each", d.get("loans")))),
                        new UpdateOptions().upsert(true));
            }
            mongo.dropCollection(collection);
        });
    }

    void append(LoanHistoryEntry e) {
        append(e, null);
    }

    /** @param category the member's category when the loan was made, kept for the activity report */
    void append(LoanHistoryEntry e, String category) {
        Document d = new Document("_id", e.loanId()).append("barcode", e.barcode()).append("recordId", e.recordId())
                .append("memberId", e.memberId()).append("category", category)
                .append("checkedOut", Claim.date(e.checkedOut()))
                .append("due", Claim.date(e.due())).append("ended", Claim.date(e.ended()))
                .append("renewals", e.renewals()).append("outcome", e.outcome().name());
        try {
            mongo.getCollection(COLLECTION).insertOne(d);
        } catch (com.mongodb.MongoWriteException dup) {
            if (dup.getError().getCode() != 11000) {
                throw dup;
            }
        }
        Document add = new Document("$addToSet", new Document("loans", e.loanId()));
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        mongo.getCollection(KEYS).bulkWrite(List.of(
                new UpdateOneModel<>(new Document("_id", MEMBER + e.memberId()), add, upsert),
                new UpdateOneModel<>(new Document("_id", COPY + e.barcode()), add, upsert)),
                new BulkWriteOptions().ordered(false));
        events.publishEvent(new LoansChanged(e.barcode()));
    }

    java.util.Optional<LoanHistoryEntry> find(String loanId) {
        return java.util.Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", loanId)).first())
                .map(HistoryStore::entry);
    }

    /** Older entries have no category: null, and the caller falls back on the member's current one. */
    List<Checkout> checkedOutBetween(Instant from, Instant to) {
        Query q = Query.query(Criteria.where("checkedOut").gte(Claim.date(from)).lt(Claim.date(to)));
        return mongo.find(q.cursorBatchSize(1000), Document.class, COLLECTION).stream()
                .map(d -> new Checkout(d.getString("_id"), d.getString("barcode"), d.getString("recordId"),
                        d.getString("memberId"), d.getString("category"), Claim.instant(d, "checkedOut")))
                .toList();
    }

    List<LoanHistoryEntry> ofMember(String memberId) {
        return of(MEMBER + memberId);
    }

    List<LoanHistoryEntry> ofCopy(String barcode) {
        return of(COPY + barcode);
    }

    private List<LoanHistoryEntry> of(String key) {
        Document idx = mongo.getCollection(KEYS).find(new Document("_id", key)).first();
        if (idx == null) {
            return List.of();
        }
        List<String> ids = idx.getList("loans", String.class);
        // by key when the list is a copy's or a member's few dozen: on the embedded MongoDB an $in
        // over ids scans every loan ever made
        List<Document> found = ids.size() > KEY_READS
                ? mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                : ids.stream().map(id -> mongo.getCollection(COLLECTION).find(new Document("_id", id)).first())
                        .filter(java.util.Objects::nonNull).toList();
        return found.stream().map(HistoryStore::entry)
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
