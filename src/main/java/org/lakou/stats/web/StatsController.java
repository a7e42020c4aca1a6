package org.lakou.stats.web;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lakou.shared.ApiException;
import org.lakou.stats.DownloadReport;
import org.lakou.stats.StatsApi;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics", description = "Usage figures for the activity report (staff)")
@RestController
class StatsController {

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
        int y = year != null ? year : clock.instant().atZone(properties.zone()).getYear();
        if (y < 2000 || y > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid year", "year must be between 2000 and 2100")
                    .with("year", y);
        }
        return stats.downloads(y);
    }
}
