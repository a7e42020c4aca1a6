package org.lakou.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.RecordChanged;
import org.lakou.search.SearchProperties;
import org.lakou.shared.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the catalogue's outbox into Solr on one background thread. A queue entry is acknowledged
 * only after the commit that made its version searchable, so a crash or a Solr outage at any
 * point leaves the entry in place and the work is redone: indexing is idempotent. In-process
 * changes wake the thread at once; other nodes' changes are seen by the poll. The Mongo lease
 * keeps the drain to one node of a cluster.
 */
@Component
class RecordIndexer {

    static final String LEASE = "search-indexer";
    private static final Logger log = LoggerFactory.getLogger(RecordIndexer.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int WARN_EVERY = 10;

    private final CatalogueApi catalogue;
    private final BatchWriter writer;
    private final JobLease lease;
    private final SearchProperties props;
    private final Clock clock;

    private final IndexerSignal signal = new IndexerSignal(() -> this.running);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastIndexed;
    private volatile String lastError;
    private volatile boolean holdsLease;
    private Instant nextReconcile = Instant.MAX;
    private long lastWriteNanos = System.nanoTime() - Duration.ofHours(1).toNanos();
    private boolean lastBatchFull;
    private final IndexOrphans orphans;
    private final BatchPrefetcher prefetcher;
    /** After start-up and each periodic reconciliation, once the outbox is empty (see IndexOrphans). */
    private boolean orphanCheckDue = true;
    private Instant lastOrphanCheck = Instant.EPOCH;

    RecordIndexer(CatalogueApi catalogue, BatchWriter writer, JobLease lease, SearchProperties props, Clock clock,
            IndexOrphans orphans) {
        this.catalogue = catalogue;
        this.orphans = orphans;
        this.writer = writer;
        this.lease = lease;
        this.props = props;
        this.clock = clock;
        this.prefetcher = new BatchPrefetcher(catalogue::pendingIndexWork, writer, props.batchSize());
    }

    /** After start-up, so a slow first reconcile never delays readiness. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "lakou-search-indexer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** A signal only: the writer's thread never waits for Solr. */
    @EventListener
    void onRecordChanged(RecordChanged event) {
        wake();
    }

    void wake() {
        signal.wake();
    }

    /** True once the outbox is empty: every change queued before the call has been committed. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        while (catalogue.pendingIndexCount() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    // what the health components show
    Instant lastIndexed() { return lastIndexed; }

    String lastError() { return lastError; }

    boolean holdsLease() { return holdsLease; }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            t.join(10_000);
            if (t.isAlive()) {
                t.interrupt();
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prefetcher.close();
        if (holdsLease) {
            try {
                lease.release(LEASE);
            } catch (RuntimeException e) {
                log.debug("Could not release the indexer lease: {}", e.toString());
            }
        }
    }

    private void run() {
        startupRepair();
        int failures = 0;
        while (running) {
            try {
                holdsLease = lease.tryAcquire(LEASE, LEASE_TTL);
                if (holdsLease) {
                    periodicReconcile();
                    drain();
                    checkOrphans();
                    if (failures > 0) {
                        log.info("Indexing resumed after {} failed attempt(s)", failures);
                    }
                    failures = 0;
                    lastError = null;
                }
                awaitSignal(props.pollInterval());
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                Duration backoff = backoff(failures);
                lastError = e instanceof SolrUnavailableException ? e.getMessage() : SolrUnavailableException.describe(e);
                if (failures == 1 || failures % WARN_EVERY == 0) {
                    log.warn("Indexing failed (attempt {}): {}; the outbox keeps the work, retrying in {} s",
                            failures, lastError, backoff.toSeconds());
                }
                pause(backoff);
            }
        }
    }

    /**
     * Catches records written just before a crash that never reached the outbox, and an index
     * that was lost or deleted (a fresh Solr home) while MongoDB still says "indexed".
     */
    private void startupRepair() {
        try {
            if (writer.isIndexEmpty() && catalogue.count(null) > 0) {
                log.info("The search index is empty but the catalogue is not: re-queued {} records for indexing",
                        catalogue.requeueAll());
            } else {
                int n = catalogue.reconcile();
                if (n > 0) {
                    log.info("Reconciliation queued {} record(s) that had not reached the index", n);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Start-up reconciliation skipped: {}", SolrUnavailableException.describe(e));
        }
        nextReconcile = clock.instant().plus(props.reconcileInterval());
    }

    /** Also after new indexing, at most every 30 s: Solr may replay a crash's log only after the first check. */
    private void checkOrphans() {
        Instant now = clock.instant();
        boolean again = lastIndexed != null && lastIndexed.isAfter(lastOrphanCheck)
                && now.isAfter(lastOrphanCheck.plusSeconds(30));
        if ((orphanCheckDue || again) && catalogue.pendingIndexCount() == 0) {
            orphans.removeIfOvercounted();
            orphanCheckDue = false;
            lastOrphanCheck = now;
        }
    }

    private void periodicReconcile() {
        if (clock.instant().isAfter(nextReconcile)) {
            nextReconcile = clock.instant().plus(props.reconcileInterval());
            orphanCheckDue = true;
            int n = catalogue.reconcile();
            if (n > 0) {
                log.info("Periodic reconciliation queued {} record(s)", n);
            }
        }
    }

    /**
     * While batches come full (a backlog, a reindex), the next one is read and mapped while this one
     * goes to Solr. The same entries again in the last two batches means nothing was acknowledged:
     * they are left to the next poll.
     */
    private void drain() {
        Set<IndexWork> recent = Set.of();
        List<IndexWork> previous = List.of();
        Future<BatchWriter.Prepared> ahead = null;
        try {
            while (running) {
                BatchWriter.Prepared batch;
                if (ahead != null) {
                    batch = BatchPrefetcher.await(ahead);
                    ahead = null;
                } else {
                    lingerAfterSmallBatch();
                    batch = writer.prepare(catalogue.pendingIndexWork(props.batchSize()));
                }
                List<IndexWork> work = batch.work();
                if (work.isEmpty() || work.stream().anyMatch(recent::contains)) {
                    return;
                }
                lastBatchFull = work.size() >= props.batchSize();
                ahead = lastBatchFull ? prefetcher.after(batch) : null;
                log.debug("Indexed {} record(s)", writer.send(batch));
                lastWriteNanos = System.nanoTime();
                lastIndexed = clock.instant();
                recent = new HashSet<>(previous);
                recent.addAll(work);
                previous = work;
                if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
                    holdsLease = false;
                    return;
                }
            }
        } finally {
            BatchPrefetcher.discard(ahead);
        }
    }

    /**
     * Every batch ends in a commit that opens a searcher, and a steady trickle of changes (a batch
     * import writes a record every few tens of milliseconds) would otherwise commit each one alone:
     * after a small batch, changes are let to gather for a moment. A full batch means a backlog, so
     * no wait then.
     */
    private void lingerAfterSmallBatch() {
        long left = props.commitLinger().toNanos() - (System.nanoTime() - lastWriteNanos);
        if (!lastBatchFull && left > 0) {
            pause(Duration.ofNanos(left));
        }
    }

    static Duration backoff(int failures) {
        long seconds = 1L << Math.min(failures - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void awaitSignal(Duration timeout) {
        if (!signal.await(timeout)) {
            running = false;
        }
    }

    private void pause(Duration d) {
        if (!signal.pause(d)) {
            running = false;
        }
    }
}
