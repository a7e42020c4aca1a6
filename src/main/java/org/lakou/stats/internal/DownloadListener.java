package org.lakou.stats.internal;

import org.lakou.ingest.FileDownloaded;
import org.lakou.members.MemberApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts each download under the downloader's member category, {@code anonymous}, or {@code staff}
 * (a documentalist opening a file to catalogue it is kept apart from the public's use).
 */
@Component
class DownloadListener {

    static final String ANONYMOUS = "anonymous";
    static final String STAFF = "staff";
    /** An account deleted between the download and the count. */
    static final String UNKNOWN = "unknown";
    private static final Logger log = LoggerFactory.getLogger(DownloadListener.class);

    private final DownloadCounts counts;
    private final MemberApi members;
    private final ReportCache reports;

    DownloadListener(DownloadCounts counts, MemberApi members, ReportCache reports) {
        this.counts = counts;
        this.members = members;
        this.reports = reports;
    }

    /** A counter that cannot be written is lost, never the download it counts. */
    @EventListener
    void on(FileDownloaded e) {
        try {
            counts.add(e.at(), e.recordId(), e.staff() ? STAFF : category(e.memberId()));
            reports.invalidate();
        } catch (RuntimeException ex) {
            log.warn("Download of {} not counted: {}", e.recordId(), ex.toString());
        }
    }

    private String category(String memberId) {
        if (memberId == null) {
            return ANONYMOUS;
        }
        return members.find(memberId).map(m -> m.category().code()).orElse(UNKNOWN);
    }
}
