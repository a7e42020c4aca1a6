package org.lakou.stats.internal;

import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param zone       where the centre's days and years begin: a download at 21:00 in Martinique on
 *                   31 December counts for that year, not for the next one in UTC
 * @param topRecords how many records the report lists as the most downloaded
 */
@Validated
@ConfigurationProperties("lakou.stats")
public record StatsProperties(
        @NotNull @DefaultValue("America/Martinique") ZoneId zone,
        @Min(1) @Max(500) @DefaultValue("20") int topRecords) {
}
