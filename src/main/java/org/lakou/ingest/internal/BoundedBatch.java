package org.lakou.ingest.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch's items on a fixed pool and always returns, with every item accounted for exactly
 * once: done, failed, or abandoned when it ran longer than the limit. Some reads cannot be
 * interrupted (a FIFO's open, some pseudo files), so an abandoned item's thread is interrupted and
 * left behind rather than waited for: the job ends and says which files it gave up on.
 */
final class BoundedBatch {

    private static final Logger log = LoggerFactory.getLogger(BoundedBatch.class);
    private static final long POLL_MS = 250;

    /** What to do with each item, and how to account for it. Called from the pool's threads. */
    interface Handler<T, R> {
        R work(T item);

        void done(T item, R result);

        void failed(T item, RuntimeException e);

        void abandoned(T item);
    }

    private record Running(Thread thread, long deadline, AtomicBoolean settled) {
    }

    private BoundedBatch() {
    }

    static <T, R> void runAll(List<T> items, int threads, Duration limit, ThreadFactory factory,
            Handler<T, R> handler) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), factory);
        Map<T, Running> running = new ConcurrentHashMap<>();
        AtomicInteger settled = new AtomicInteger();
        try {
            for (T item : items) {
                pool.execute(() -> runOne(item, limit, running, settled, handler));
            }
            pool.shutdown();
            while (!pool.awaitTermination(POLL_MS, TimeUnit.MILLISECONDS)) {
                int abandoned = abandonOverdue(running, settled, handler);
                if (abandoned > 0) {
                    // a stuck thread may never come back: start as many fresh ones for the files still queued
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + abandoned);
                    pool.setCorePoolSize(pool.getCorePoolSize() + abandoned);
                }
                if (settled.get() >= items.size()) {
                    log.error("Batch ends leaving {} stuck file(s) behind", running.size());
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> void runOne(T item, Duration limit, Map<T, Running> running, AtomicInteger settled,
            Handler<T, R> handler) {
        Running me = new Running(Thread.currentThread(), System.nanoTime() + limit.toNanos(), new AtomicBoolean());
        running.put(item, me);
        try {
            R result = handler.work(item);
            if (me.settled().compareAndSet(false, true)) {
                handler.done(item, result);
                settled.incrementAndGet();
            }
        } catch (RuntimeException e) {
            if (me.settled().compareAndSet(false, true)) {
                handler.failed(item, e);
                settled.incrementAndGet();
            }
        } finally {
            running.remove(item, me);
            Thread.interrupted(); // an abandon's interrupt must not leak into the pool's next item
        }
    }

    private static <T, R> int abandonOverdue(Map<T, Running> running, AtomicInteger settled, Handler<T, R> handler) {
        long now = System.nanoTime();
        int abandoned = 0;
        for (Map.Entry<T, Running> e : running.entrySet()) {
            Running r = e.getValue();
            if (now - r.deadline() > 0 && r.settled().compareAndSet(false, true)) {
                log.error("Batch import gives up on {}: still running after its time limit", e.getKey());
                handler.abandoned(e.getKey());
                settled.incrementAndGet();
                r.thread().interrupt();
                abandoned++;
            }
        }
        return abandoned;
    }
}
