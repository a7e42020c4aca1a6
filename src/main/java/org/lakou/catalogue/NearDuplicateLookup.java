package org.lakou.catalogue;

import java.util.List;

import org.lakou.shared.Viewer;

/**
 * The near-duplicates found for a record, from whoever compares texts. The catalogue depends on
 * nothing, so the duplicates module implements this for it, as circulation implements
 * {@link CopyAvailability}; without one, records show no near-duplicates.
 */
public interface NearDuplicateLookup {

    /** Live records (not deleted, not withdrawn) that {@code viewer} may see, most similar first. */
    List<NearDuplicate> nearDuplicates(String recordId, Viewer viewer);
}
