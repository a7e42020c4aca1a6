package org.lakou.ingest.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestJob.State;
import org.lakou.ingest.IngestOutcome;

/** The live counts of one job; snapshots become {@link IngestJob}s. */
final class JobCounters {

    private final String id;
    private final String source;
    private final Instant started;
    private int total;
    private int imported;
    private int duplicates;
    private int skippedTooLarge;
    private int failed;
    private final Map<String, Integer> quarantined = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();

    JobCounters(String id, String source, Instant started) {
        this.id = id;
        this.source = source;
        this.started = started;
    }

    synchronized void total(int n) {
        total = n;
    }

    synchronized void count(IngestOutcome outcome) {
        switch (outcome.status()) {
            case CREATED -> imported++;
            case DUPLICATE -> duplicates++;
            case QUARANTINED -> {
                if (!outcome.quarantine().fileKept()) {
                    skippedTooLarge++;
                } else {
                    quarantined.merge(outcome.quarantine().reason().code(), 1, Integer::sum);
                }
            }
        }
    }

    synchronized void failed() {
        failed++;
    }

    synchronized void skipped(String reason, int n) {
        skipped.merge(reason, n, Integer::sum);
    }

    synchronized IngestJob snapshot(State state, Instant finished, String error) {
        return new IngestJob(id, state, source, total, imported, duplicates, quarantined, skippedTooLarge, failed,
                skipped, started, finished, error);
    }
}
