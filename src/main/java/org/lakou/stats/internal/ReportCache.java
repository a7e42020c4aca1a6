package org.lakou.stats.internal;

import java.util.function.IntFunction;

import org.lakou.catalogue.RecordChanged;
import org.lakou.circulation.LoansChanged;
import org.lakou.members.MemberChanged;
import org.lakou.requests.RequestChanged;
import org.lakou.shared.ReadCache;
import org.lakou.stats.ActivityReport;
import org.lakou.thesaurus.ThesaurusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The activity reports already built, by year. Building one scans the records, loans and requests
 * (the embedded MongoDB serves nothing else from an index), and the dashboard asks for it on every
 * view. Invalidated on every change the report reads, announced by the module that owns it,
 * rather than kept for a fixed time: staff who just lent a copy or published a record expect the
 * dashboard to show it at once, and a closed year still changes when a record's subjects, a
 * member's category or the thesaurus labels do. Those events come after the write, so a report
 * built meanwhile is not kept ({@link ReadCache}). Download counters are written here, so
 * {@link DownloadListener} drops the cache itself, after writing the counter.
 */
@Component
class ReportCache {

    /** This year, last year and a few more the dashboard may be switched to. */
    private static final int YEARS = 8;

    private final ReadCache<Integer, ActivityReport> reports = new ReadCache<>(YEARS);

    ActivityReport get(int year, IntFunction<ActivityReport> build) {
        return reports.get(year, () -> build.apply(year));
    }

    void invalidate() {
        reports.invalidate();
    }

    @EventListener
    void on(RecordChanged e) {
        // a requeue only re-sends unchanged records to the index
        if (e.change() != RecordChanged.Change.REQUEUED) {
            invalidate();
        }
    }

    @EventListener
    void on(LoansChanged e) {
        invalidate();
    }

    @EventListener
    void on(RequestChanged e) {
        invalidate();
    }

    @EventListener
    void on(MemberChanged e) {
        invalidate();
    }

    @EventListener
    void on(ThesaurusChanged e) {
        invalidate();
    }
}
