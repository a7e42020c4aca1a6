package org.lakou.circulation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.lakou.circulation.Hold;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The hold queue of a record lives on one document, {@code holds/_id = recordId}: a short list in
 * first-come order. Every change is read–modify–write guarded by a version number, retried on a
 * race, so the order is never lost. Hold ids are {@code recordId-xxxxxxxx}, so a hold is found by
 * its record's {@code _id}.
 */
@Component
class HoldStore {

    static final String COLLECTION = "holds";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    HoldStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One entry of a queue, mutable only inside {@link #update}. */
    static final class Entry {
        String holdId;
        String memberId;
        Instant placed;
        Hold.State state = Hold.State.WAITING;
        String barcode;
        Instant pickupBy;
        String requestId;

        Document toDocument() {
            return new Document("holdId", holdId).append("memberId", memberId).append("placed", Claim.date(placed))
                    .append("state", state.name()).append("barcode", barcode)
                    .append("pickupBy", Claim.date(pickupBy)).append("requestId", requestId);
        }

        static Entry of(Document d) {
            Entry e = new Entry();
            e.holdId = d.getString("holdId");
            e.memberId = d.getString("memberId");
            e.placed = Claim.instant(d, "placed");
            e.state = Hold.State.valueOf(d.getString("state"));
            e.barcode = d.getString("barcode");
            e.pickupBy = Claim.instant(d, "pickupBy");
            e.requestId = d.getString("requestId");
            return e;
        }

        Hold toHold(String recordId, int position) {
            return new Hold(holdId, recordId, memberId, placed, state, position, barcode, pickupBy, requestId);
        }
    }

    static String recordOf(String holdId) {
        int dash = holdId.lastIndexOf('-');
        return dash <= 0 ? holdId : holdId.substring(0, dash);
    }

    List<Entry> queue(String recordId) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", recordId)).first();
        return d == null ? new ArrayList<>() : entries(d);
    }

    List<Hold> holds(String recordId) {
        List<Entry> q = queue(recordId);
        List<Hold> out = new ArrayList<>(q.size());
        for (int i = 0; i < q.size(); i++) {
            out.add(q.get(i).toHold(recordId, i + 1));
        }
        return out;
    }

    /**
     * Applies {@code change} to the queue and saves it if nobody changed it meanwhile (else reads
     * again and retries). The function returns its result; the queue list may be edited in place.
     */
    <T> T update(String recordId, Function<List<Entry>, T> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document d = mongo.getCollection(COLLECTION).find(new Document("_id", recordId)).first();
            long version = d == null ? 0 : d.get("version", Number.class).longValue();
            List<Entry> q = d == null ? new ArrayList<>() : entries(d);
            T result = change.apply(q);
            Document next = new Document("_id", recordId).append("version", version + 1)
                    .append("entries", q.stream().map(Entry::toDocument).toList());
            if (d == null) {
                try {
                    mongo.getCollection(COLLECTION).insertOne(next);
                    return result;
                } catch (com.mongodb.MongoWriteException raced) {
                    continue;
                }
            }
            var r = mongo.getCollection(COLLECTION).replaceOne(
                    new Document("_id", recordId).append("version", version), next);
            if (r.getModifiedCount() == 1) {
                return result;
            }
        }
        throw new IllegalStateException("Hold queue of " + recordId + " kept changing; try again");
    }

    /** Records with any hold, for the sweeps; one small document per such record. */
    List<String> recordsWithHolds() {
        Query q = Query.query(Criteria.where("entries.0").exists(true));
        q.fields().include("_id");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** A member's holds: a scan of the (small) holds collection, one document per record with holds. */
    List<Hold> ofMember(String memberId) {
        Query q = Query.query(Criteria.where("entries.memberId").is(memberId));
        List<Hold> out = new ArrayList<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            List<Entry> entries = entries(d);
            for (int i = 0; i < entries.size(); i++) {
                if (memberId.equals(entries.get(i).memberId)) {
                    out.add(entries.get(i).toHold(d.getString("_id"), i + 1));
                }
            }
        }
        return out;
    }

    private static List<Entry> entries(Document d) {
        List<Entry> out = new ArrayList<>();
        for (Document e : d.getList("entries", Document.class, List.of())) {
            out.add(Entry.of(e));
        }
        return out;
    }
}
