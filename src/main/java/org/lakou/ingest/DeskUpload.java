package org.lakou.ingest;

import java.time.Instant;

/**
 * One file dropped on the staff desk's upload page, followed while it is parsed in the background:
 * {@code outcome} is null while {@code state} is RUNNING. {@code recordId} names the new draft or the
 * existing record (duplicate); {@code reason} and {@code detail} say why a file was quarantined or
 * why the upload failed.
 */
public record DeskUpload(
        String id,
        String fileName,
        String uploaderId,
        State state,
        IngestOutcome.Status outcome,
        String recordId,
        String recordTitle,
        String quarantineId,
        String reason,
        String detail,
        Instant started,
        Instant finished) {

    public enum State { RUNNING, DONE, FAILED }

    public boolean running() {
        return state == State.RUNNING;
    }
}
