package org.lakou.oai.harvest;

import java.time.Instant;
import java.util.List;

/**
 * One run's log entry. {@code from} is what was asked (null for a full harvest);
 * {@code responseDate} the partner's clock at the first request, the next run's {@code from}.
 */
public record HarvestRun(
        String id,
        String sourceId,
        String trigger,
        Status status,
        Instant started,
        Instant ended,
        Instant from,
        Instant responseDate,
        int attempts,
        int pages,
        int added,
        int updated,
        int deleted,
        int unchanged,
        int skipped,
        List<String> errors) {

    public enum Status { RUNNING, SUCCEEDED, FAILED, SKIPPED }
}
