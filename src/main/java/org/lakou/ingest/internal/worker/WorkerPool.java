package org.lakou.ingest.internal.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerProcess.WorkerFailure;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Request;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.lakou.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Up to {@code workers} long-lived, warmed-up parse workers. Unlike Tika's ForkParser, which pays
 * 0.3–0.5 s per file, a worker here is reused until it misbehaves; a killed or dead one is replaced
 * in the background. Workers start on demand, one more whenever every live one is busy, so a single
 * upload costs one child JVM and a server start none; the least recently used worker exits once it
 * has been idle for {@code worker-idle-timeout}. Workers die with the context, and a shutdown hook
 * covers an abrupt JVM exit; a worker whose server vanished anyway halts itself (see
 * {@link ParseWorkerMain}).
 */
@Component
public class WorkerPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    /** For tests and the benchmark: what the pool did so far and what its children weigh. */
    public record Stats(int size, int idle, long spawned, long timedOut, long died, List<Long> pids,
            long maxChildPeakRssBytes, long maxChildHeapPeakBytes, long retired, int starting) {
    }

    private final int size;
    private final String heap;
    private final List<String> jvmOptions;
    private final long idleTimeoutNanos;
    /** Most recently used last: workers are taken from the tail, so the head is the one to retire. */
    private final LinkedBlockingDeque<WorkerProcess> idle = new LinkedBlockingDeque<>();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();
    /** Spawns asked for and not finished, back-off included; live + pending never exceeds size. */
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            daemon("parse-watchdog"));
    private final ExecutorService spawner = Executors.newCachedThreadPool(daemon("parse-worker-spawn"));
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong died = new AtomicLong();
    private final AtomicLong retired = new AtomicLong();
    private final AtomicLong maxChildHeap = new AtomicLong();
    private final Thread shutdownHook = new Thread(this::killAll, "parse-worker-shutdown");

    public WorkerPool(IngestProperties properties) {
        this.size = properties.workers();
        this.heap = properties.workerHeap();
        this.jvmOptions = List.copyOf(properties.workerJvmOptions());
        this.idleTimeoutNanos = properties.workerIdleTimeout().toNanos();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (idleTimeoutNanos > 0) {
            long every = Math.max(1000, Math.min(30_000, properties.workerIdleTimeout().toMillis() / 4));
            watchdog.scheduleWithFixedDelay(this::retireIdle, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts workers until the pool is full, for a caller about to keep them all busy (benchmarks, tests). */
    public void ensureStarted() {
        while (grow()) {
            // one spawn per successful reservation
        }
    }

    /** Parses one file in a worker; never throws for a bad file, only when no worker can be had. */
    public Response parse(Path file, String fileName, int maxChars, Duration timeout) {
        return parse(file, fileName, maxChars, timeout, null);
    }

    /** As above, with OCR when {@code ocr} is not null; {@code timeout} must already cover its document bound. */
    public Response parse(Path file, String fileName, int maxChars, Duration timeout, OcrRequest ocr) {
        WorkerProcess w = acquire();
        try {
            Response r = w.parse(new Request(file.toAbsolutePath().toString(), fileName, maxChars, ocr), timeout,
                    watchdog);
            maxChildHeap.accumulateAndGet(r.heapPeakBytes(), Math::max);
            if (r.recycle()) {
                replace(w);
            } else {
                release(w);
            }
            return r;
        } catch (WorkerFailure f) {
            replace(w);
            if (f.timedOut) {
                timedOut.incrementAndGet();
                return Response.failure(Code.TIMEOUT, null, "no result within " + timeout.toMillis()
                        + " ms; the parser process was killed");
            }
            died.incrementAndGet();
            if (f.exitCode == WorkerProcess.OOM_EXIT) {
                return Response.failure(Code.TOO_LARGE, null, "the parser ran out of memory (heap " + heap + ")");
            }
            log.warn("Parse worker died on {}: {}", fileName, f.getMessage());
            return Response.failure(Code.CRASHED, null, "the parser process crashed");
        } catch (RuntimeException e) {
            // a garbled answer: this child cannot be trusted with the next file
            replace(w);
            throw e;
        }
    }

    public Stats stats() {
        List<WorkerProcess> workers = List.copyOf(live);
        long maxRss = workers.stream().mapToLong(WorkerProcess::peakRssBytes).max().orElse(-1);
        return new Stats(size, idle.size(), spawned.get(), timedOut.get(), died.get(),
                workers.stream().map(WorkerProcess::pid).sorted().toList(), maxRss, maxChildHeap.get(), retired.get(),
                pending.get());
    }

    /**
     * Waits for a free worker, starting one more while the pool is not full. Busy workers are
     * waited for as long as it takes (each parse has its own deadline); with no worker alive, a
     * start in progress is waited for, up to three start-up timeouts in all.
     */
    private WorkerProcess acquire() {
        long begin = System.nanoTime();
        boolean grown = false;
        while (!closed.get()) {
            WorkerProcess w = idle.pollLast();
            if (w == null) {
                // one start per file that found every worker busy, not one per wait
                grown = grown || grow();
                try {
                    w = idle.pollLast(250, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (w != null && w.isAlive()) {
                return w;
            }
            if (w != null) {
                replace(w);
            }
            long waited = System.nanoTime() - begin;
            if (live.isEmpty() && (pending.get() == 0 ? waited > STARTUP_TIMEOUT.toNanos()
                    : waited > 3 * STARTUP_TIMEOUT.toNanos())) {
                break;
            }
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "No parser available",
                "No parse worker became available; see the server log");
    }

    private void release(WorkerProcess w) {
        w.markIdle();
        idle.addLast(w);
    }

    /** Reserves and starts one more worker if the pool is not full; false when it is. */
    private boolean grow() {
        while (!closed.get()) {
            int p = pending.get();
            if (live.size() + p >= size) {
                return false;
            }
            if (pending.compareAndSet(p, p + 1)) {
                spawn(0);
                return true;
            }
        }
        return false;
    }

    private void replace(WorkerProcess w) {
        pending.incrementAndGet();
        live.remove(w);
        w.kill();
        spawn(0);
    }

    /** Retires the least recently used workers that have waited longer than the idle timeout. */
    private void retireIdle() {
        long now = System.nanoTime();
        for (WorkerProcess w : idle) {
            if (now - w.idleSinceNanos() > idleTimeoutNanos && idle.removeFirstOccurrence(w)) {
                live.remove(w);
                retired.incrementAndGet();
                log.info("Parse worker {} idle for {} s: stopping it", w.pid(),
                        (now - w.idleSinceNanos()) / 1_000_000_000L);
                try {
                    spawner.execute(() -> w.quit(Duration.ofSeconds(2)));
                } catch (RejectedExecutionException closing) {
                    w.kill();
                }
            }
        }
    }

    /** Runs with one reservation in {@code pending}, which it gives back when it ends either way. */
    private void spawn(int attempt) {
        if (closed.get()) {
            pending.decrementAndGet();
            return;
        }
        spawner.execute(() -> {
            boolean retry = false;
            try {
                if (attempt > 0) {
                    Thread.sleep(Math.min(30_000L, 1000L << Math.min(attempt, 5)));
                }
                long t0 = System.nanoTime();
                WorkerProcess w = WorkerProcess.start(ChildCommand.build(heap, jvmOptions), STARTUP_TIMEOUT, watchdog,
                        starting::add);
                spawned.incrementAndGet();
                live.add(w);
                if (closed.get()) {
                    w.kill();
                    return;
                }
                release(w);
                log.info("Parse worker {} ready in {} ms", w.pid(), (System.nanoTime() - t0) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("Could not start a parse worker (attempt {}): {}", attempt + 1, e.getMessage());
                retry = true;
            } finally {
                starting.removeIf(p -> !p.isAlive() || live.stream().anyMatch(w -> w.pid() == p.pid()));
                if (retry) {
                    spawn(attempt + 1);
                } else {
                    pending.decrementAndGet();
                }
            }
        });
    }

    @Override
    public void destroy() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        spawner.shutdownNow();
        live.parallelStream().forEach(w -> w.quit(Duration.ofSeconds(2)));
        killAll();
        watchdog.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it will kill what is left
        }
    }

    private void killAll() {
        closed.set(true);
        live.forEach(WorkerProcess::kill);
        starting.forEach(Process::destroyForcibly);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
