package org.lakou.stats.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.stats.ActivityReport;
import org.lakou.stats.DownloadReport;
import org.lakou.stats.DownloadReport.RecordDownloads;
import org.lakou.stats.StatsApi;
import org.springframework.stereotype.Service;

@Service
class StatsService implements StatsApi {

    private final DownloadCounts counts;
    private final CatalogueApi catalogue;
    private final StatsProperties properties;
    private final ActivityReports reports;
    private final ReportCache cache;

    StatsService(DownloadCounts counts, CatalogueApi catalogue, StatsProperties properties, ActivityReports reports,
            ReportCache cache) {
        this.counts = counts;
        this.catalogue = catalogue;
        this.properties = properties;
        this.reports = reports;
        this.cache = cache;
    }

    @Override
    public ActivityReport activity(int year) {
        return cache.get(year, reports::build);
    }

    @Override
    public DownloadReport downloads(int year) {
        Tally tally = new Tally(properties.zone());
        Map<String, Long> byRecord = new HashMap<>();
        for (DownloadCounts.Counter c : counts.ofYear(year)) {
            tally.add(c.day().atStartOfDay(properties.zone()).toInstant(), List.of(), c.category(), null, c.count());
            byRecord.merge(c.recordId(), c.count(), Long::sum);
        }
        // ties in record-id order, so the same counters always give the same list
        List<RecordDownloads> top = byRecord.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(properties.topRecords())
                .map(e -> new RecordDownloads(e.getKey(),
                        catalogue.find(e.getKey()).filter(r -> !r.deleted()).map(Record::title).orElse(null),
                        e.getValue()))
                .toList();
        ActivityReport.Figures f = tally.figures();
        return new DownloadReport(year, f.total(), f.byMonth(), f.byCategory(), top);
    }
}
