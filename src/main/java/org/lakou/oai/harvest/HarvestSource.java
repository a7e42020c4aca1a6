package org.lakou.oai.harvest;

import java.time.Instant;

/**
 * A partner centre harvested on a schedule. {@code lastDatestamp} is the partner's responseDate at
 * the start of the last successful run: the next run asks {@code from} it (inclusive), so a record
 * changed while that run went on is fetched again rather than missed. {@code granularity} is the
 * partner's, read from its Identify.
 */
public record HarvestSource(
        String id,
        String name,
        String baseUrl,
        String metadataPrefix,
        String set,
        String schedule,
        boolean enabled,
        Instant lastDatestamp,
        String granularity,
        Instant created) {

    public HarvestSource withProgress(Instant newLastDatestamp, String newGranularity) {
        return new HarvestSource(id, name, baseUrl, metadataPrefix, set, schedule, enabled, newLastDatestamp,
                newGranularity, created);
    }
}
