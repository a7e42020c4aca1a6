package org.lakou.alerts.internal;

import java.time.Duration;

import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The digest job, under a Mongo lease so that with several nodes one sweeps at a time. The lease
 * saves work; the digest keys are what guarantee a digest goes once if two sweeps ever overlap.
 */
@Component
class AlertJobs {

    private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);
    static final String LEASE = "alerts-digests";

    private final JobLease lease;
    private final DigestService digests;
    private final AlertsProperties props;

    AlertJobs(JobLease lease, DigestService digests, AlertsProperties props) {
        this.lease = lease;
        this.digests = digests;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${lakou.alerts.interval:1h}", initialDelayString = "${lakou.alerts.interval:1h}")
    void scheduled() {
        if (props.jobsEnabled()) {
            runDigests();
        }
    }

    /** Returns the digests sent (0 when another node holds the lease). */
    int runDigests() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            return 0;
        }
        try {
            return digests.sweep();
        } catch (RuntimeException e) {
            log.error("Alert digests failed", e);
            return 0;
        } finally {
            lease.release(LEASE);
        }
    }
}
