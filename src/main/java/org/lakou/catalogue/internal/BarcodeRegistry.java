package org.lakou.catalogue.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.bson.Document;
import org.lakou.catalogue.Record;
import org.lakou.shared.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Barcode uniqueness across records. Copies live inside their record, so a unique index cannot
 * see them; claiming the barcode as an {@code _id} here is atomic on any MongoDB and is also the
 * cheap barcode-to-record lookup the circulation desk needs.
 */
@Component
class BarcodeRegistry {

    private static final String COLLECTION = "copy_barcodes";

    private static final int MAX_REMEMBERED = 100_000;

    private final MongoTemplate mongo;
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    BarcodeRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void claim(String barcode, String recordId) {
        try {
            mongo.insert(new Document("_id", barcode).append("recordId", recordId), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Barcode " + barcode + " is already used by another copy")
                    .with("barcode", barcode);
        }
    }

    void release(String barcode) {
        mongo.remove(Query.query(Criteria.where("_id").is(barcode)), COLLECTION);
    }

    Optional<String> recordOf(String barcode) {
        Document d = mongo.findById(barcode, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> doc.getString("recordId"));
    }

    /**
     * The live record holding {@code barcode}, as {@code find} reads it. The barcode-to-record link is remembered: a copy
     * seldom moves, and a remembered link is only trusted when the record read still holds the
     * copy (barcodes are unique), so a move or a deletion falls back to the registry. One read
     * less per checkout.
     */
    <T> Optional<T> holder(String barcode, Function<String, Optional<T>> find, BiPredicate<T, String> holds) {
        String known = remembered.get(barcode);
        if (known != null) {
            Optional<T> r = find.apply(known).filter(rec -> holds.test(rec, barcode));
            if (r.isPresent()) {
                return r;
            }
            remembered.remove(barcode);
        }
        Optional<String> id = recordOf(barcode);
        Optional<T> r = id.flatMap(find);
        if (r.isPresent() && holds.test(r.get(), barcode)) {
            if (remembered.size() > MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(barcode, id.get());
        }
        return r;
    }

    static boolean holds(Record r, String barcode) {
        return !r.deleted() && r.copies().stream().anyMatch(c -> c.barcode().equals(barcode));
    }
}
