package org.lakou.circulation.internal;

import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Step 3 of a checkout, the copy's displayed status in the catalogue, goes through this small
 * queue ({@code copy_status_queue/_id = barcode}): a checkout costs one upsert instead of a
 * versioned record rewrite and re-index, and a burst of loans and returns of one copy becomes one
 * catalogue write. The drainer shows the truth read from the claim at drain time, so the order of
 * queued changes does not matter. Statuses staff set by hand (lost, damaged, withdrawn, in
 * processing) are never overwritten.
 */
@Component
class DisplayQueue {

    private static final Logger log = LoggerFactory.getLogger(DisplayQueue.class);
    static final String COLLECTION = "copy_status_queue";
    static final Set<CopyStatus> CIRCULATING = EnumSet.of(CopyStatus.AVAILABLE, CopyStatus.ON_LOAN, CopyStatus.ON_HOLD);

    private final MongoTemplate mongo;
    private final ClaimStore claims;
    private final CatalogueApi catalogue;
    private final Clock clock;

    DisplayQueue(MongoTemplate mongo, ClaimStore claims, CatalogueApi catalogue, Clock clock) {
        this.mongo = mongo;
        this.claims = claims;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    void changed(String barcode, String recordId) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", barcode),
                new Document("$set", new Document("recordId", recordId).append("at", Date.from(clock.instant())))
                        .append("$inc", new Document("seq", 1)),
                new UpdateOptions().upsert(true));
    }

    /** Applies up to {@code limit} queued changes; returns how many entries were handled. */
    int drain(int limit) {
        List<Document> batch = mongo.find(new Query().limit(limit), Document.class, COLLECTION);
        for (Document entry : batch) {
            String barcode = entry.getString("_id");
            try {
                show(barcode, entry.getString("recordId"));
                mongo.getCollection(COLLECTION).deleteOne(new Document("_id", barcode).append("seq", entry.get("seq")));
            } catch (RuntimeException e) {
                log.warn("Could not show the status of copy {}; will retry: {}", barcode, e.toString());
            }
        }
        return batch.size();
    }

    long pending() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    CopyStatus truth(String barcode) {
        return claims.get(barcode).map(c -> c.isLoan() ? CopyStatus.ON_LOAN : CopyStatus.ON_HOLD)
                .orElse(CopyStatus.AVAILABLE);
    }

    private void show(String barcode, String recordId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            CopyStatus want = truth(barcode);
            Record r = catalogue.find(recordId).orElse(null);
            Copy copy = r == null || r.deleted() ? null
                    : r.copies().stream().filter(c -> c.barcode().equals(barcode)).findFirst().orElse(null);
            if (copy == null || copy.status() == want || !CIRCULATING.contains(copy.status())) {
                return;
            }
            try {
                catalogue.updateCopy(recordId, copy.withStatus(want));
                return;
            } catch (OptimisticLockingFailureException raced) {
                // someone edited the record meanwhile: read again
            }
        }
    }
}
