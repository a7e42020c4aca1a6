package org.lakou.stats.web;

import java.text.Collator;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.lakou.stats.ActivityReport;
import org.lakou.stats.ActivityReport.Figures;

/**
 * The report's figures laid out for the dashboard's data tables (the charts' accessible fallback),
 * plus the order and labels the charts use; the charts' numbers themselves come from the report's
 * JSON, embedded in the page as the API serves it.
 */
public record StatsDashboard(List<Row> months, List<Row> themes, List<Row> categories, List<MemberRow> members,
        long activeMembers) {

    /** One line of a chart's table: a label and the four series (null where a series has no such axis). */
    public record Row(String key, String label, Long acquisitions, Long loans, Long requests, Long downloads) {
    }

    /** Members of a category as the centre's annual report gives them: a share of all accounts. */
    public record MemberRow(String key, String label, long active, double share, long joined, long served) {
    }

    static StatsDashboard of(ActivityReport report, Locale locale, Function<String, String> categoryLabel,
            String noThemeLabel) {
        List<Row> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            months.add(row(String.valueOf(m), Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, locale), report,
                    f -> f.byMonth().getOrDefault(month, 0L), true));
        }
        Collator collator = Collator.getInstance(locale);
        Map<String, String> themeLabels = new LinkedHashMap<>(report.themes());
        themeLabels.put(ActivityReport.NO_THEME, noThemeLabel);
        List<Row> themes = keys(report, Figures::byTheme).stream()
                .sorted(Comparator.comparing((String k) -> ActivityReport.NO_THEME.equals(k))
                        .thenComparing(k -> themeLabels.getOrDefault(k, k), collator))
                .map(k -> row(k, themeLabels.getOrDefault(k, k), report, f -> f.byTheme().getOrDefault(k, 0L), true))
                .toList();
        List<Row> categories = keys(report, Figures::byCategory).stream().sorted()
                .map(k -> row(k, categoryLabel.apply(k), report, f -> f.byCategory().getOrDefault(k, 0L), false))
                .toList();
        ActivityReport.Members m = report.members();
        long active = m.active().values().stream().mapToLong(Long::longValue).sum();
        Set<String> memberKeys = new LinkedHashSet<>();
        Stream.of(m.active(), m.joined(), m.served()).forEach(x -> memberKeys.addAll(x.keySet()));
        List<MemberRow> members = memberKeys.stream().sorted().map(k -> new MemberRow(k, categoryLabel.apply(k),
                m.active().getOrDefault(k, 0L), active == 0 ? 0 : 100.0 * m.active().getOrDefault(k, 0L) / active,
                m.joined().getOrDefault(k, 0L), m.served().getOrDefault(k, 0L))).toList();
        return new StatsDashboard(months, themes, categories, members, active);
    }

    /** The charts' axes in the tables' order, for the page script: keys and labels. */
    public Map<String, Object> axes() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("months", months.stream().map(r -> Map.of("key", r.key(), "label", r.label())).toList());
        out.put("themes", themes.stream().map(r -> Map.of("key", r.key(), "label", r.label())).toList());
        out.put("categories", categories.stream().map(r -> Map.of("key", r.key(), "label", r.label())).toList());
        out.put("members", members.stream().map(r -> Map.of("key", r.key(), "label", r.label())).toList());
        return out;
    }

    private static Set<String> keys(ActivityReport r, Function<Figures, Map<String, Long>> axis) {
        Set<String> keys = new LinkedHashSet<>();
        Stream.of(r.acquisitions(), r.loans(), r.requests(), r.downloads()).forEach(f -> keys.addAll(axis.apply(f).keySet()));
        return keys;
    }

    /** Acquisitions have no member category: {@code withAcquisitions} false leaves their cell empty. */
    private static Row row(String key, String label, ActivityReport r, Function<Figures, Long> value,
            boolean withAcquisitions) {
        return new Row(key, label, withAcquisitions ? value.apply(r.acquisitions()) : null, value.apply(r.loans()),
                value.apply(r.requests()), value.apply(r.downloads()));
    }
}
