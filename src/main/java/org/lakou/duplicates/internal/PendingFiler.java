package org.lakou.duplicates.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.lakou.duplicates.DuplicatesProperties;
import org.lakou.duplicates.internal.PendingStore.Pending;
import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The write side of the check, off the ingest path: files the queued records ({@link PendingStore})
 * in their buckets in batches through {@link BucketFiler}, each bucket document read and written
 * once per batch rather than 16 {@code $addToSet} per ingest. Runs every
 * {@code lakou.duplicates.filing-interval}, on one node at a time (Mongo lease), and at once in the
 * ingesting thread when the queue reaches {@link #SOON} (a command-line import has no scheduler
 * worth waiting for, and every check reads the whole queue).
 *
 * <p>Order, for a crash and for the checks running meanwhile: buckets first, then {@code bucketed},
 * then the queue entry. A check reads the queue before the buckets, so a record is always in one
 * of the two it reads; a drain cut short is redone from the queue, every step idempotent.
 */
@Component
class PendingFiler {

    static final String LEASE = "near-duplicates-filing";
    /** Queue length from which the ingest that sees it drains at once. */
    static final int SOON = 500;
    /** Records per batch: a batch reads at most {@link MinHash#BANDS} x this many bucket documents. */
    private static final int BATCH = 2_000;
    static final Duration LEASE_TTL = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(PendingFiler.class);

    /** Package-private so that a test can hold the filer, as a slow drain would. */
    final ReentrantLock lock = new ReentrantLock();
    private final PendingStore pending;
    private final BucketFiler filer;
    private final SignatureStore store;
    private final JobLease lease;
    private final DuplicatesProperties properties;
    private ScheduledExecutorService scheduler;

    PendingFiler(PendingStore pending, BucketFiler filer, SignatureStore store, JobLease lease,
            DuplicatesProperties properties) {
        this.pending = pending;
        this.filer = filer;
        this.store = store;
        this.lease = lease;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lakou-near-duplicates-filer");
                t.setDaemon(true);
                return t;
            });
            long every = properties.filingInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::drainLogged, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void drainLogged() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Near-duplicate filing failed; the queued records are filed at the next try: {}", e.toString());
        }
    }

    /**
     * Files every queued record, in batches of {@link #BATCH}.
     *
     * @return how many were filed; 0 also when another node holds the lease (it files them)
     */
    int drain() {
        lock.lock();
        try {
            return drainHeld();
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #drain}, unless a drain is running already (which will see the queue too). */
    int drainUnlessBusy() {
        if (!lock.tryLock()) {
            return 0;
        }
        try {
            return drainHeld();
        } finally {
            lock.unlock();
        }
    }

    private int drainHeld() {
        int done = 0;
        List<Pending> batch = pending.read(BATCH);
        while (!batch.isEmpty()) {
            if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
                return done;
            }
            file(batch);
            done += batch.size();
            batch = batch.size() < BATCH ? List.of() : pending.read(BATCH);
        }
        return done;
    }

    private void file(List<Pending> batch) {
        Map<String, int[]> sigs = new LinkedHashMap<>();
        batch.forEach(p -> sigs.put(p.id(), p.sig()));
        filer.commit(filer.plan(sigs, 0, MinHash.BANDS));
        store.markBucketed(sigs.keySet());
        pending.remove(batch);
    }
}
