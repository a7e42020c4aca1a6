package org.lakou.stats.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.lakou.stats.ActivityReport.Figures;

/** Counts one section of the activity report; a null category or type is not counted on that axis. */
final class Tally {

    private final ZoneId zone;
    private final Map<Integer, Long> byMonth = new TreeMap<>();
    private final Map<String, Long> byTheme = new TreeMap<>();
    private final Map<String, Long> byCategory = new TreeMap<>();
    private final Map<String, Long> byType = new TreeMap<>();
    private long total;

    Tally(ZoneId zone) {
        this.zone = zone;
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m, 0L);
        }
    }

    void add(Instant at, Collection<String> themes, String category, String type, long count) {
        total += count;
        byMonth.merge(at.atZone(zone).getMonthValue(), count, Long::sum);
        themes.forEach(t -> byTheme.merge(t, count, Long::sum));
        if (category != null) {
            byCategory.merge(category, count, Long::sum);
        }
        if (type != null) {
            byType.merge(type, count, Long::sum);
        }
    }

    Figures figures() {
        return new Figures(total, byMonth, byTheme, byCategory, byType);
    }

    Collection<String> themes() {
        return byTheme.keySet();
    }
}
