package org.lakou.catalogue.internal;

import java.util.Optional;

import org.bson.Document;
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

    private final MongoTemplate mongo;

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
}
