package org.lakou.circulation.internal;

import java.time.Duration;

import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background work, each under a Mongo lease so that with several nodes one runs it at a time:
 * notices and pickup expiry, and the reconciler (at start-up and periodically).
 */
@Component
class CirculationJobs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CirculationJobs.class);

    private final JobLease lease;
    private final NoticeService notices;
    private final HoldService holds;
    private final Reconciler reconciler;
    private final CirculationProperties props;

    CirculationJobs(JobLease lease, NoticeService notices, HoldService holds,
            Reconciler reconciler, CirculationProperties props) {
        this.lease = lease;
        this.notices = notices;
        this.holds = holds;
        this.reconciler = reconciler;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.jobsEnabled()) {
            reconcile();
        }
    }

    @Scheduled(fixedDelayString = "${lakou.circulation.notice-interval:15m}", initialDelayString = "${lakou.circulation.notice-interval:15m}")
    void notices() {
        if (props.jobsEnabled()) {
            runNotices();
        }
    }

    @Scheduled(fixedDelayString = "${lakou.circulation.reconcile-interval:10m}", initialDelayString = "${lakou.circulation.reconcile-interval:10m}")
    void periodicReconcile() {
        if (props.jobsEnabled()) {
            reconcile();
        }
    }

    /** Expired pickups, then notices; returns the notices sent (0 when another node holds the lease). */
    int runNotices() {
        int[] sent = {0};
        leased("circulation-notices", Duration.ofMinutes(10), () -> {
            holds.expirePickups();
            sent[0] = notices.sweep();
        });
        return sent[0];
    }

    Reconciler.Report reconcile() {
        Reconciler.Report[] out = {null};
        leased("circulation-reconcile", Duration.ofMinutes(10), () -> out[0] = reconciler.run());
        return out[0];
    }

    private void leased(String job, Duration ttl, Runnable work) {
        if (!lease.tryAcquire(job, ttl)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Circulation job {} failed", job, e);
        } finally {
            lease.release(job);
        }
    }
}
