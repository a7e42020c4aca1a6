package org.lakou.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * A batch import. {@code quarantined} counts files by reason code; {@code skippedTooLarge} counts
 * files over {@code lakou.ingest.max-file-size}, left where they are (each also has a quarantine
 * entry, without bytes); {@code failed} counts files that could not even be read from disk;
 * {@code skipped} counts, by reason, what a folder import left out: {@code link} (links are not
 * followed), {@code special} (devices, FIFOs, sockets, pseudo file systems such as /proc),
 * {@code unreadable}, and {@code timeout} (a file still not done after its time limit, given up so
 * the job ends). {@code total} is known once the folder has been walked, and counts them all.
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
        Map<String, Integer> skipped,
        Instant started,
        Instant finished,
        String error) {

    public enum State { RUNNING, DONE, FAILED }

    public IngestJob {
        quarantined = quarantined == null ? Map.of() : Map.copyOf(quarantined);
        skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
    }

    /** Files finished so far, whatever their outcome. */
    public int processed() {
        return imported + duplicates + skippedTooLarge + failed
                + quarantined.values().stream().mapToInt(Integer::intValue).sum()
                + skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
