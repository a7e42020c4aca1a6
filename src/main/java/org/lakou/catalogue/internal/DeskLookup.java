package org.lakou.catalogue.internal;

import java.util.Optional;

import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyLookup;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** {@link CopyLookup} as one projected read of the record, through the remembered barcode link. */
@Component
class DeskLookup implements CopyLookup {

    private final MongoTemplate mongo;
    private final BarcodeRegistry barcodes;

    DeskLookup(MongoTemplate mongo, BarcodeRegistry barcodes) {
        this.mongo = mongo;
        this.barcodes = barcodes;
    }

    @Override
    public Optional<ShelvedCopy> byBarcode(String barcode) {
        return barcodes.holder(barcode, this::shelf, (doc, b) -> !doc.deleted && copy(doc, b).isPresent())
                .flatMap(doc -> copy(doc, barcode).map(c -> new ShelvedCopy(doc.id, doc.type, doc.deleted, c)));
    }

    private Optional<RecordDocument> shelf(String recordId) {
        Query q = Query.query(Criteria.where("_id").is(recordId));
        q.fields().include("type", "deleted", "copies");
        return Optional.ofNullable(mongo.findOne(q, RecordDocument.class));
    }

    private static Optional<Copy> copy(RecordDocument doc, String barcode) {
        return doc.copies.stream().filter(c -> c.barcode().equals(barcode)).findFirst();
    }
}
