package org.lakou.search.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.thesaurus.ThesaurusApi;
import org.lakou.thesaurus.ThesaurusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the concepts core equal to the thesaurus: a full reload after start-up (the thesaurus
 * runner has loaded its snapshot by then) and after every {@link ThesaurusChanged}, on one
 * background thread. Reload requests coalesce; a failed reload (Solr down) is retried with
 * back-off. A change also re-queues, at once and on the caller's thread, the records using an
 * affected concept, since their ancestors and labels are indexed with them.
 */
@Component
class ConceptIndexer {

    private static final Logger log = LoggerFactory.getLogger(ConceptIndexer.class);

    private final ThesaurusApi thesaurus;
    private final CatalogueApi catalogue;
    private final ConceptsCore core;
    private final RecordIndexer recordIndexer;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lakou-concepts-indexer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong completed = new AtomicLong(-1);
    private final Object progress = new Object();
    private int failures;

    ConceptIndexer(ThesaurusApi thesaurus, CatalogueApi catalogue, ConceptsCore core, RecordIndexer recordIndexer) {
        this.thesaurus = thesaurus;
        this.catalogue = catalogue;
        this.core = core;
        this.recordIndexer = recordIndexer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (ready.compareAndSet(false, true)) {
            request();
        }
    }

    @EventListener
    void onThesaurusChanged(ThesaurusChanged event) {
        try {
            List<String> ids = catalogue.findBySubjects(event.affectedConcepts());
            if (!ids.isEmpty()) {
                log.info("Thesaurus change in {} v{}: {} record(s) re-queued for indexing", event.schemeUri(),
                        event.version(), catalogue.requeue(ids));
                recordIndexer.wake();
            }
        } catch (RuntimeException e) {
            // the periodic reconcile will not see this; an operator can reindex
            log.error("Could not re-queue the records using changed concepts: {}", e.toString());
        }
        if (ready.get()) {
            request();
        }
    }

    /** True once every reload requested before the call has completed. */
    boolean awaitCurrent(Duration timeout) {
        long target = requested.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (completed.get() < target || !ready.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void request() {
        requested.incrementAndGet();
        schedule(0);
    }

    private void schedule(long delayMs) {
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::reload, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        scheduled.set(false);
        long target = requested.get();
        try {
            long start = System.nanoTime();
            int n = core.replaceAll(thesaurus.allConcepts());
            log.info("Concepts core reloaded: {} concepts in {} ms", n, (System.nanoTime() - start) / 1_000_000);
            failures = 0;
            synchronized (progress) {
                completed.accumulateAndGet(target, Math::max);
                progress.notifyAll();
            }
        } catch (RuntimeException e) {
            failures++;
            Duration backoff = RecordIndexer.backoff(failures);
            if (failures == 1 || failures % 10 == 0) {
                log.warn("Concepts core reload failed (attempt {}): {}; retrying in {} s", failures,
                        SolrUnavailableException.describe(e), backoff.toSeconds());
            }
            if (!executor.isShutdown()) {
                schedule(backoff.toMillis());
            }
        }
    }
}
