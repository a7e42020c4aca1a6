package org.lakou.circulation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.lakou.circulation.LoansChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * {@code loans}: one document per copy that is out or kept for pickup, {@code _id} = barcode.
 * Inserting it is the atomic claim (a duplicate key means taken). It holds only active claims, so
 * it stays as small as the number of copies out: the conditional updates below ({@code _id} plus
 * {@code loanId}/{@code holdId}), a scan on mongo-java-server, cost little.
 */
@Component
class ClaimStore {

    static final String COLLECTION = "loans";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    ClaimStore(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** @return false when the copy is already claimed */
    boolean insert(Claim claim) {
        try {
            mongo.getCollection(COLLECTION).insertOne(claim.toDocument());
            return changed(true, claim.barcode());
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Claim> get(String barcode) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", barcode)).first();
        return Optional.ofNullable(d).map(Claim::of);
    }

    List<Claim> getAll(Collection<String> barcodes) {
        if (barcodes.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(barcodes)), Document.class, COLLECTION).stream()
                .map(Claim::of).toList();
    }

    /** Deletes the claim only if it is still this loan's. */
    boolean deleteLoan(String barcode, String loanId) {
        return delete(Criteria.where("_id").is(barcode).and("loanId").is(loanId));
    }

    boolean deleteHeld(String barcode, String holdId) {
        return delete(Criteria.where("_id").is(barcode).and("holdId").is(holdId));
    }

    private boolean delete(Criteria c) {
        return changed(mongo.remove(Query.query(c), COLLECTION).getDeletedCount() == 1, null);
    }

    /** Replaces the claim wholesale if it still matches {@code current}; one winner among racers. */
    boolean replaceIf(Criteria current, Claim next) {
        Bson filter = Query.query(current).getQueryObject();
        return changed(mongo.getCollection(COLLECTION).replaceOne(filter, next.toDocument()).getModifiedCount() == 1,
                next.barcode());
    }

    static Criteria loan(String barcode, String loanId) {
        return Criteria.where("_id").is(barcode).and("loanId").is(loanId);
    }

    static Criteria held(String barcode, String holdId) {
        return Criteria.where("_id").is(barcode).and("holdId").is(holdId);
    }

    Claim modify(Criteria current, Update update) {
        Document d = mongo.findAndModify(Query.query(current), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        changed(d != null, null);
        return d == null ? null : Claim.of(d);
    }

    private boolean changed(boolean written, String barcode) {
        if (written) {
            events.publishEvent(new LoansChanged(barcode));
        }
        return written;
    }

    void setSlot(String barcode, String loanId, int slot) {
        mongo.updateFirst(Query.query(loan(barcode, loanId)), Update.update("slot", slot), COLLECTION);
    }

    /** A sweep over every active claim: overdue list, notices, reconciliation. Never on a request path. */
    List<Claim> all() {
        Query q = new Query();
        q.cursorBatchSize(1000);
        return mongo.find(q, Document.class, COLLECTION).stream().map(Claim::of).toList();
    }
}
