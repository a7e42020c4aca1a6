package org.lakou.ingest.internal.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerProcess.WorkerFailure;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.Request;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.lakou.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A fixed number of long-lived, warmed-up parse workers. Unlike Tika's ForkParser, which pays
 * 0.3–0.5 s per file, a worker here is reused until it misbehaves; a killed or dead one is replaced
 * in the background so the pool stays full. Workers die with the context, and a shutdown hook
 * covers an abrupt JVM exit; a worker whose server vanished anyway halts itself (see
 * {@link ParseWorkerMain}).
 */
@Component
public class WorkerPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    /** For tests and the benchmark: what the pool did so far and what its children weigh. */
    public record Stats(int size, int idle, long spawned, long timedOut, long died, List<Long> pids,
            long maxChildPeakRssBytes, long maxChildHeapPeakBytes) {
    }

    private final int size;
    private final String heap;
    private final List<String> jvmOptions;
    private final boolean cli;
    private final BlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            daemon("parse-watchdog"));
    private final ExecutorService spawner = Executors.newCachedThreadPool(daemon("parse-worker-spawn"));
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong died = new AtomicLong();
    private final AtomicLong maxChildHeap = new AtomicLong();
    private final Thread shutdownHook = new Thread(this::killAll, "parse-worker-shutdown");

    public WorkerPool(IngestProperties properties, Environment env) {
        this.size = properties.workers();
        this.heap = properties.workerHeap();
        this.jvmOptions = List.copyOf(properties.workerJvmOptions());
        this.cli = env.getProperty("lakou.cli", Boolean.class, false);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server warms its workers as soon as it is up; a CLI command only when it parses. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!cli) {
            ensureStarted();
        }
    }

    public void ensureStarted() {
        if (started.compareAndSet(false, true)) {
            for (int i = 0; i < size; i++) {
                spawn(0);
            }
        }
    }

    /** Parses one file in a worker; never throws for a bad file, only when no worker can be had. */
    public Response parse(Path file, String fileName, int maxChars, Duration timeout) {
        ensureStarted();
        WorkerProcess w = acquire();
        try {
            Response r = w.parse(new Request(file.toAbsolutePath().toString(), fileName, maxChars), timeout, watchdog);
            maxChildHeap.accumulateAndGet(r.heapPeakBytes(), Math::max);
            if (r.recycle()) {
                replace(w);
            } else {
                idle.add(w);
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
                workers.stream().map(WorkerProcess::pid).sorted().toList(), maxRss, maxChildHeap.get());
    }

    private WorkerProcess acquire() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!closed.get()) {
            WorkerProcess w;
            try {
                w = idle.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (w == null) {
                break;
            }
            if (w.isAlive()) {
                return w;
            }
            replace(w);
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "No parser available",
                "No parse worker became available; see the server log");
    }

    private void replace(WorkerProcess w) {
        live.remove(w);
        w.kill();
        spawn(0);
    }

    private void spawn(int attempt) {
        if (closed.get()) {
            return;
        }
        spawner.execute(() -> {
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
                idle.add(w);
                log.info("Parse worker {} ready in {} ms", w.pid(), (System.nanoTime() - t0) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("Could not start a parse worker (attempt {}): {}", attempt + 1, e.getMessage());
                spawn(attempt + 1);
            } finally {
                starting.removeIf(p -> !p.isAlive() || live.stream().anyMatch(w -> w.pid() == p.pid()));
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
