package org.lakou.ingest.internal;

import org.lakou.catalogue.Record;
import org.lakou.duplicates.NearDuplicates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compares a new draft with the catalogue. A help, not part of the ingest: if the check fails the
 * draft still stands, and the duplicates module's start-up backfill checks it again.
 */
@Component
class NearDuplicateCheck {

    private static final Logger log = LoggerFactory.getLogger(NearDuplicateCheck.class);

    private final NearDuplicates nearDuplicates;

    NearDuplicateCheck(NearDuplicates nearDuplicates) {
        this.nearDuplicates = nearDuplicates;
    }

    /** Without text, the duplicates module has already compared the draft's title and abstract on its creation. */
    void check(Record draft, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            nearDuplicates.register(draft, text);
        } catch (RuntimeException e) {
            log.warn("Near-duplicate check of {} failed; it is retried at the next start-up: {}", draft.id(),
                    e.toString());
        }
    }
}
