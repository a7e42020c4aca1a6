package org.lakou.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lakou.shared.ApiException;
import org.lakou.stats.ActivityReport;
import org.lakou.stats.DownloadReport;
import org.lakou.stats.StatsApi;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics", description = "The figures of the centre's activity report (staff)")
@RestController
class StatsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StatsApi stats;
    private final Clock clock;
    private final StatsProperties properties;

    StatsController(StatsApi stats, Clock clock, StatsProperties properties) {
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
    }

    @Operation(summary = "File downloads of a year (default: this year): by month, by member category, top records")
    @GetMapping("/api/stats/downloads")
    DownloadReport downloads(@RequestParam(required = false) Integer year) {
        return stats.downloads(year(year));
    }

    @Operation(summary = "The activity report of a year (default: this year): acquisitions, loans, requests and "
            + "downloads by month, thesaurus theme, member category and document type")
    @GetMapping("/api/stats/report")
    ActivityReport report(@RequestParam(required = false) Integer year) {
        return stats.activity(year(year));
    }

    @Operation(summary = "The same report as CSV, one figure per line, for a spreadsheet")
    @GetMapping("/api/stats/report.csv")
    ResponseEntity<byte[]> reportCsv(@RequestParam(required = false) Integer year) {
        ActivityReport report = stats.activity(year(year));
        String name = "rapport-activite-" + report.year() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(ReportCsv.write(report).getBytes(StandardCharsets.UTF_8));
    }

    private int year(Integer year) {
        return year(year, clock, properties);
    }

    /** The year asked for, else this year in the centre's zone; 400 outside 2000–2100. */
    static int year(Integer year, Clock clock, StatsProperties properties) {
        int y = year != null ? year : clock.instant().atZone(properties.zone()).getYear();
        if (y < 2000 || y > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid year", "year must be between 2000 and 2100")
                    .with("year", y);
        }
        return y;
    }
}
