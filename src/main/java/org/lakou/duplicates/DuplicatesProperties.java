package org.lakou.duplicates;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param threshold  estimated resemblance (Jaccard of 5-word shingles) from which two records are
 *                   near-duplicates. Not below 0.5: the LSH buckets (16 bands of 3 rows) still
 *                   find 88 % of pairs at 0.5 and all but one in 10^5 at 0.8, but below that
 *                   pairs would be missed unannounced
 * @param backfill   at start-up, give a signature to every record that has none yet (records from
 *                   before this feature, hand-made ones, scans whose text came later); idempotent
 * @param filingInterval how often the records checked since are filed in their buckets, in the
 *                   background; until then each check compares against them in the queue
 */
@Validated
@ConfigurationProperties("lakou.duplicates")
public record DuplicatesProperties(
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double threshold,
        @DefaultValue("true") boolean backfill,
        @DefaultValue("1s") Duration filingInterval) {

    public DuplicatesProperties {
        if (filingInterval.isNegative() || filingInterval.isZero()) {
            throw new IllegalArgumentException("lakou.duplicates.filing-interval must be positive");
        }
    }
}
