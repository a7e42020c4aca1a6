package org.lakou.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.lakou.alerts.AlertFrequency;

/** Periods start at midnight (Monday midnight for weeks) in the centre's zone, and name themselves. */
class DigestPeriodTest {

    static final ZoneId MARTINIQUE = ZoneId.of("America/Martinique"); // UTC-4, no daylight saving

    @Test
    void aDayStartsAtLocalMidnight() {
        DigestPeriod p = DigestPeriod.current(AlertFrequency.DAILY, Instant.parse("2026-11-27T03:30:00Z"), MARTINIQUE);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z")); // still the 26th in Fort-de-France
        assertThat(p.key()).isEqualTo("2026-11-26");
        assertThat(DigestPeriod.current(AlertFrequency.DAILY, Instant.parse("2026-11-27T04:00:00Z"), MARTINIQUE).key())
                .isEqualTo("2026-11-27");
    }

    @Test
    void aWeekStartsOnMondayAndCarriesItsIsoNumber() {
        DigestPeriod sunday = DigestPeriod.current(AlertFrequency.WEEKLY, Instant.parse("2027-01-03T12:00:00Z"),
                MARTINIQUE);
        assertThat(sunday.start()).isEqualTo(Instant.parse("2026-12-28T04:00:00Z"));
        assertThat(sunday.key()).isEqualTo("2026-W53");
        DigestPeriod monday = DigestPeriod.current(AlertFrequency.WEEKLY, Instant.parse("2027-01-04T04:00:00Z"),
                MARTINIQUE);
        assertThat(monday.key()).isEqualTo("2027-W01");
    }
}
