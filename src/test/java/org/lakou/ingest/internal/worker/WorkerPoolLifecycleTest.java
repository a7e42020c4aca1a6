package org.lakou.ingest.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.springframework.util.unit.DataSize;

/**
 * Workers cost a child JVM each (about 350 MB), so the pool starts none until a file needs parsing,
 * starts one per file in flight up to its size, and stops a worker left idle past the timeout.
 */
class WorkerPoolLifecycleTest {

    private static final Duration PARSE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private WorkerPool pool;

    private WorkerPool pool(Duration idleTimeout) {
        pool = new WorkerPool(new IngestProperties(DataSize.ofMegabytes(100), PARSE, 100_000, 2, "256m", 2,
                List.of("-XX:TieredStopAtLevel=1"), List.of(), idleTimeout));
        return pool;
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.destroy();
        }
    }

    @Test
    void noWorkerBeforeTheFirstFileOneForASingleFileAndNoneOnceIdle() throws Exception {
        WorkerPool workers = pool(Duration.ofSeconds(2));
        assertThat(workers.stats().pids()).as("nothing started with the pool").isEmpty();
        Thread.sleep(500);
        assertThat(workers.stats().spawned()).isZero();

        Response r = workers.parse(note("premier.txt"), "premier.txt", 100_000, PARSE);
        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text()).contains("médiation sociale");
        WorkerPool.Stats busy = workers.stats();
        assertThat(busy.spawned()).as("one file, one worker").isEqualTo(1);
        assertThat(busy.pids()).hasSize(1);
        assertThat(busy.starting()).as("and no other on its way").isZero();
        long pid = busy.pids().get(0);

        Response again = workers.parse(note("second.txt"), "second.txt", 100_000, PARSE);
        assertThat(again.code()).isEqualTo(Code.OK);
        assertThat(workers.stats().spawned()).as("the idle worker is reused").isEqualTo(1);

        awaitNoWorker(workers, Duration.ofSeconds(30));
        assertThat(workers.stats().retired()).isEqualTo(1);
        awaitDead(pid);

        Response afterIdle = workers.parse(note("troisieme.txt"), "troisieme.txt", 100_000, PARSE);
        assertThat(afterIdle.code()).as("a retired worker is replaced on demand").isEqualTo(Code.OK);
        assertThat(workers.stats().spawned()).isEqualTo(2);
    }

    @Test
    void ensureStartedFillsThePoolAndAZeroTimeoutKeepsItsWorkers() throws Exception {
        WorkerPool workers = pool(Duration.ZERO);
        workers.ensureStarted();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (workers.stats().idle() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers.stats().idle()).isEqualTo(2);
        Thread.sleep(2500);
        assertThat(workers.stats().pids()).hasSize(2);
        assertThat(workers.stats().retired()).isZero();
    }

    private Path note(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "Rapport sur la médiation sociale dans les quartiers " + name);
    }

    private static void awaitNoWorker(WorkerPool workers, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!workers.stats().pids().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers.stats().pids()).as("the idle worker was stopped").isEmpty();
    }

    private static void awaitDead(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d ended", pid)
                .isFalse();
    }
}
