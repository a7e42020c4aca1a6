package org.lakou.catalogue.internal;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * Copies live inside their record; the barcode registry keeps barcodes unique across records.
 * A barcode is claimed before the record is saved and released if the save fails, so a failed
 * add never leaves a barcode taken by nothing.
 */
@Component
class CopyEditor {

    /** Saves the record as a versioned change (queued for indexing, event published). */
    interface Saver extends BiFunction<RecordDocument, Change, Record> {
    }

    private final BarcodeRegistry barcodes;

    CopyEditor(BarcodeRegistry barcodes) {
        this.barcodes = barcodes;
    }

    Record add(RecordDocument doc, Copy copy, Saver save) {
        barcodes.claim(copy.barcode(), doc.id);
        try {
            doc.copies.add(copy);
            return save.apply(doc, Change.UPDATED);
        } catch (RuntimeException e) {
            barcodes.release(copy.barcode());
            throw e;
        }
    }

    Record replace(RecordDocument doc, Copy copy, Saver save) {
        return edit(doc, copy.barcode(), save,
                copies -> copies.replaceAll(c -> c.barcode().equals(copy.barcode()) ? copy : c));
    }

    Record remove(RecordDocument doc, String barcode, Saver save) {
        Record r = edit(doc, barcode, save, copies -> copies.removeIf(c -> c.barcode().equals(barcode)));
        barcodes.release(barcode);
        return r;
    }

    private static Record edit(RecordDocument doc, String barcode, Saver save, Consumer<List<Copy>> change) {
        if (doc.copies.stream().noneMatch(c -> c.barcode().equals(barcode))) {
            throw ApiException.notFound("Copy", barcode);
        }
        change.accept(doc.copies);
        return save.apply(doc, Change.UPDATED);
    }
}
