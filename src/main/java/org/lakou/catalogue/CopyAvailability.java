package org.lakou.catalogue;

import java.util.Collection;
import java.util.Map;

/**
 * Which copies are out right now (on loan, or kept for a member's hold), from whoever lends them.
 * The catalogue stores a copy's shelf status (available, lost, in processing...) and shows this
 * over it when a record is read, so a loan neither rewrites the record, bumps its version (and a
 * documentalist's If-Match) nor makes partner centres re-harvest it.
 */
public interface CopyAvailability {

    /** The statuses of those of {@code barcodes} that are out; the others are absent. */
    Map<String, CopyStatus> outNow(Collection<String> barcodes);
}
