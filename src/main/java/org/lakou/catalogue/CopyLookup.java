package org.lakou.catalogue;

import java.util.Optional;

/**
 * The circulation desk's view of a copy: enough to lend it, read without the rest of the record
 * (title, abstract, files...), which a checkout does not need and would pay to decode each time.
 */
public interface CopyLookup {

    Optional<ShelvedCopy> byBarcode(String barcode);

    /** A copy and the few facts of its record that lending depends on. */
    record ShelvedCopy(String recordId, String recordType, boolean recordDeleted, Copy copy) {
    }
}
