package org.lakou.stats.web;

import java.util.Map;
import java.util.stream.Stream;

import org.lakou.stats.ActivityReport;
import org.lakou.stats.ActivityReport.Figures;

/**
 * The activity report flattened to {@code section,axis,key,label,count}: one line per figure, so a
 * spreadsheet's pivot table rebuilds any view of it. An empty key is the axis's total. A byte-order mark first, because spreadsheet
 * programs otherwise read the UTF-8 of French labels as Latin-1.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(ActivityReport report) {
        StringBuilder out = new StringBuilder("\uFEFFsection,axis,key,label,count\r\n");
        section(out, "acquisitions", report.acquisitions(), report.themes());
        section(out, "loans", report.loans(), report.themes());
        section(out, "requests", report.requests(), report.themes());
        section(out, "downloads", report.downloads(), report.themes());
        members(out, "active", report.members().active());
        members(out, "joined", report.members().joined());
        members(out, "served", report.members().served());
        return out.toString();
    }

    private static void members(StringBuilder out, String axis, Map<String, Long> byCategory) {
        line(out, "members", axis, "", "", byCategory.values().stream().mapToLong(Long::longValue).sum());
        sorted(byCategory).forEach(e -> line(out, "members", axis, e.getKey(), "", e.getValue()));
    }

    private static void section(StringBuilder out, String name, Figures f, Map<String, String> themes) {
        line(out, name, "total", "", "", f.total());
        f.byMonth().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(out, name, "month", e.getKey().toString(), "", e.getValue()));
        sorted(f.byTheme()).forEach(e -> line(out, name, "theme", e.getKey(),
                themes.getOrDefault(e.getKey(), ""), e.getValue()));
        sorted(f.byCategory()).forEach(e -> line(out, name, "category", e.getKey(), "", e.getValue()));
        sorted(f.byType()).forEach(e -> line(out, name, "type", e.getKey(), "", e.getValue()));
    }

    private static Stream<Map.Entry<String, Long>> sorted(Map<String, Long> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey());
    }

    private static void line(StringBuilder out, String section, String axis, String key, String label, long count) {
        out.append(section).append(',').append(axis).append(',').append(cell(key)).append(',').append(cell(label))
                .append(',').append(count).append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for what a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String v = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
