package org.lakou.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyLookup;
import org.lakou.catalogue.CopyStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link CopyLookup} as one projected read of the record, through the remembered barcode link.
 * The driver is used directly: on the desk's hot path Spring's query and entity mapping cost a
 * third of the read.
 */
@Component
class DeskLookup implements CopyLookup {

    private static final Document PROJECTION = new Document("type", 1).append("deleted", 1).append("copies", 1);

    private final MongoTemplate mongo;
    private final BarcodeRegistry barcodes;
    private final String records;

    DeskLookup(MongoTemplate mongo, BarcodeRegistry barcodes) {
        this.mongo = mongo;
        this.barcodes = barcodes;
        this.records = mongo.getCollectionName(RecordDocument.class);
    }

    @Override
    public Optional<ShelvedCopy> byBarcode(String barcode) {
        return barcodes.holder(barcode, this::shelf, (s, b) -> !s.deleted() && s.copy(b).isPresent())
                .flatMap(s -> s.copy(barcode).map(c -> new ShelvedCopy(s.id(), s.type(), s.deleted(), c)));
    }

    private Optional<Shelf> shelf(String recordId) {
        Document d = mongo.getCollection(records).find(new Document("_id", recordId)).projection(PROJECTION).first();
        return Optional.ofNullable(d).map(Shelf::of);
    }

    /** The projected part of a stored record (enums are stored by name, as Spring Data writes them). */
    private record Shelf(String id, String type, boolean deleted, List<Copy> copies) {

        static Shelf of(Document d) {
            List<Copy> copies = new ArrayList<>();
            for (Document c : d.getList("copies", Document.class, List.of())) {
                String status = c.getString("status");
                copies.add(new Copy(c.getString("barcode"), c.getString("shelfMark"), c.getString("location"),
                        status == null ? null : CopyStatus.valueOf(status)));
            }
            return new Shelf(d.getString("_id"), d.getString("type"), d.getBoolean("deleted", false), copies);
        }

        Optional<Copy> copy(String barcode) {
            return copies.stream().filter(c -> c.barcode().equals(barcode)).findFirst();
        }
    }
}
