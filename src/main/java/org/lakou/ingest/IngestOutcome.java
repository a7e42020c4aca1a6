package org.lakou.ingest;

import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;

/**
 * What happened to one file. {@code record} is null only when the file was quarantined;
 * {@code quarantine} is set only then.
 */
public record IngestOutcome(
        Status status,
        Record record,
        long textLength,
        boolean truncated,
        TextStatus textStatus,
        QuarantineEntry quarantine) {

    public enum Status { CREATED, DUPLICATE, QUARANTINED }

    public static IngestOutcome quarantined(QuarantineEntry entry) {
        return new IngestOutcome(Status.QUARANTINED, null, 0, false, null, entry);
    }
}
