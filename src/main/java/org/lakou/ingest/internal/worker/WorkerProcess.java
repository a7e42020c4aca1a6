package org.lakou.ingest.internal.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.lakou.ingest.internal.worker.WorkerProtocol.Request;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live child JVM. A request is a blocking read guarded by a watchdog: when the deadline passes
 * the watchdog kills the process, the read fails, and the caller learns it was a timeout. This is
 * the only reliable stop for a parser that ignores interrupts.
 */
final class WorkerProcess {

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);
    /** ExitOnOutOfMemoryError exits with 3. */
    static final int OOM_EXIT = 3;

    /**
     * A request that got no answer: either the deadline passed and the watchdog killed the process
     * ({@code timedOut}), or the process ended on its own (out of memory, a crash).
     */
    static final class WorkerFailure extends Exception {
        final boolean timedOut;
        final int exitCode;

        WorkerFailure(boolean timedOut, int exitCode, String message) {
            super(message);
            this.timedOut = timedOut;
            this.exitCode = exitCode;
        }
    }

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ArrayDeque<String> lastErrLines = new ArrayDeque<>();
    private volatile long idleSinceNanos = System.nanoTime();

    private WorkerProcess(Process process) {
        this.process = process;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 14));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    static WorkerProcess start(List<String> command, Duration startupTimeout, ScheduledExecutorService watchdog,
            Consumer<Process> starting) throws IOException, WorkerFailure {
        Process p = new ProcessBuilder(command).start();
        starting.accept(p);
        WorkerProcess w = new WorkerProcess(p);
        w.drainStderr();
        AtomicBoolean fired = new AtomicBoolean();
        var kill = watchdog.schedule(() -> {
            fired.set(true);
            p.destroyForcibly();
        }, startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            w.awaitHandshake();
            return w;
        } catch (IOException e) {
            throw w.failure(fired.get(), "start-up", e);
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * Skips whatever a Java agent or the launcher printed before {@code main} ran (logged, then
     * ignored); after the handshake the child's stdout carries nothing but answers.
     */
    private void awaitHandshake() throws IOException {
        int window = 0;
        StringBuilder noise = new StringBuilder();
        for (int skipped = 0; skipped < 65_536; skipped++) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("parse worker closed its output before the handshake");
            }
            window = (window << 8) | b;
            if (window == WorkerProtocol.READY) {
                if (noise.length() > 3) {
                    log.warn("Parse worker {} printed before its handshake: {}", pid(),
                            noise.substring(0, noise.length() - 3).strip());
                }
                return;
            }
            if (noise.length() < 2000) {
                noise.append((char) b);
            }
        }
        throw new IOException("parse worker sent no handshake in its first 64 KB of output");
    }

    Response parse(Request request, Duration timeout, ScheduledExecutorService watchdog)
            throws WorkerFailure {
        AtomicBoolean fired = new AtomicBoolean();
        var kill = watchdog.schedule(() -> {
            fired.set(true);
            process.destroyForcibly();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            WorkerProtocol.writeRequest(out, request);
            return WorkerProtocol.readResponse(in);
        } catch (IOException e) {
            throw failure(fired.get(), "parse of " + request.fileName(), e);
        } finally {
            kill.cancel(false);
        }
    }

    private WorkerFailure failure(boolean timedOut, String what, IOException e) {
        if (timedOut) {
            return new WorkerFailure(true, -1, what + " overran its deadline; worker " + pid() + " killed");
        }
        int exit;
        try {
            // a child out of memory is exiting on its own: give it a moment so its exit code tells why
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            exit = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        return new WorkerFailure(false, exit, "worker " + pid() + " died during " + what + " (exit " + exit + ", " + e
                + "); last output: " + lastErrLines());
    }

    /** Stamps the moment the worker went back to the pool, for the idle timeout. */
    void markIdle() {
        idleSinceNanos = System.nanoTime();
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Asks politely, then insists: the child may be stuck in a parse that ignores everything. */
    void quit(Duration grace) {
        try {
            WorkerProtocol.writeQuit(out);
            out.close();
        } catch (IOException alreadyGone) {
            // nothing to tell a dead process
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Peak resident set size of the child from /proc, or -1 where there is no /proc. */
    long peakRssBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private synchronized String lastErrLines() {
        return String.join(" | ", lastErrLines);
    }

    private void drainStderr() {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.debug("[worker {}] {}", process.pid(), line);
                    synchronized (this) {
                        if (lastErrLines.size() == 5) {
                            lastErrLines.removeFirst();
                        }
                        lastErrLines.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                    }
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "parse-worker-stderr-" + process.pid());
        t.setDaemon(true);
        t.start();
    }
}
