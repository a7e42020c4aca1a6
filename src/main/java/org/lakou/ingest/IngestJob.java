package org.lakou.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * A batch import. {@code quarantined} counts files by reason code; {@code skippedTooLarge} counts
 * files over {@code lakou.ingest.max-file-size}, left where they are (each also has a quarantine
 * entry, without bytes); {@code failed} counts files that could not even be read from disk.
 * {@code total} is known once the folder has been walked.
 */
public record IngestJob(
        String id,
        State state,
        String source,
        int total,
        int imported,
        int duplicates,
        Map<String, Integer> quarantined,
        int skippedTooLarge,
        int failed,
        Instant started,
        Instant finished,
        String error) {

    public enum State { RUNNING, DONE, FAILED }

    public IngestJob {
        quarantined = quarantined == null ? Map.of() : Map.copyOf(quarantined);
    }

    /** Files finished so far, whatever their outcome. */
    public int processed() {
        return imported + duplicates + skippedTooLarge + failed
                + quarantined.values().stream().mapToInt(Integer::intValue).sum();
    }
}
