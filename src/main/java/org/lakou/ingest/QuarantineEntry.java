package org.lakou.ingest;

import java.time.Instant;

/**
 * A file that could not become a record. Its id is the file's SHA-256, so quarantining the same
 * bytes twice finds the same entry. {@code fileKept} is false only for a batch file over the size
 * limit, which is left where it is rather than copied into the store.
 */
public record QuarantineEntry(
        String id,
        String fileName,
        String sha256,
        long size,
        QuarantineReason reason,
        String detail,
        String detectedType,
        Instant created,
        boolean fileKept) {
}
