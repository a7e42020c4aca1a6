package org.lakou.alerts.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import org.lakou.alerts.AlertFrequency;

/**
 * The period a digest belongs to: the day, or the ISO week, that {@code start} opens, in the
 * centre's zone. A digest covers what was published before {@code start}; both the boundary and
 * the key follow from the clock alone, so two nodes (or a rerun) compute the same digest and the
 * same key, and the key's claim lets only one of them send it.
 */
record DigestPeriod(Instant start, String key) {

    static DigestPeriod current(AlertFrequency frequency, Instant now, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        if (frequency == AlertFrequency.WEEKLY) {
            day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new DigestPeriod(day.atStartOfDay(zone).toInstant(), String.format("%d-W%02d",
                    day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }
        return new DigestPeriod(day.atStartOfDay(zone).toInstant(), day.toString());
    }
}
