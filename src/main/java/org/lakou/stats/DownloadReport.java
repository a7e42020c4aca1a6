package org.lakou.stats;

import java.util.List;
import java.util.Map;

/**
 * A year of file downloads.
 *
 * @param byMonth    month (1–12) to downloads, every month present
 * @param byCategory member category code, {@code anonymous} or {@code staff}, to downloads
 * @param topRecords the most downloaded records, at most {@code lakou.stats.top-records}
 */
public record DownloadReport(int year, long total, Map<Integer, Long> byMonth, Map<String, Long> byCategory,
        List<RecordDownloads> topRecords) {

    public DownloadReport {
        byMonth = Map.copyOf(byMonth);
        byCategory = Map.copyOf(byCategory);
        topRecords = List.copyOf(topRecords);
    }

    /** @param title null when the record was deleted since */
    public record RecordDownloads(String recordId, String title, long downloads) {
    }
}
