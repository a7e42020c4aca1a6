package org.lakou.backup.internal;

import org.lakou.backup.BackupInfo;
import org.lakou.backup.BackupProperties;
import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly backup ({@code lakou.backup.schedule}), then the retention. Every node's clock fires
 * it; the lease makes one of them do it. The lease is kept, not released, until it expires
 * ({@code lease-ttl}): a node whose clock fires a few seconds late would otherwise find it free
 * again and write a second backup of the same night.
 */
@Component
class BackupScheduler {

    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);
    static final String LEASE = "backup";

    private final BackupService backups;
    private final JobLease lease;
    private final BackupProperties props;

    BackupScheduler(BackupService backups, JobLease lease, BackupProperties props) {
        this.backups = backups;
        this.lease = lease;
        this.props = props;
    }

    @Scheduled(cron = "${lakou.backup.schedule:0 30 2 * * *}")
    void nightly() {
        runOnce();
    }

    /** The scheduled run; returns the backup written, or null when another node holds the lease. */
    BackupInfo runOnce() {
        if (!lease.tryAcquire(LEASE, props.leaseTtl())) {
            log.debug("Scheduled backup skipped: node holding the lease runs it");
            return null;
        }
        try {
            BackupInfo info = backups.create();
            if (Boolean.TRUE.equals(info.checksumOk())) {
                int pruned = backups.prune(props.retention());
                log.info("Scheduled backup {}; {} old backup(s) deleted (retention {})", info.name(), pruned,
                        props.retention());
            }
            return info;
        } catch (RuntimeException e) {
            log.error("Scheduled backup failed: {}", e.getMessage(), e);
            return null;
        }
    }
}
