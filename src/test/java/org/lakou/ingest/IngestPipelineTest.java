package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestOutcome.Status;
import org.lakou.ingest.internal.Ingestor;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits of the pipeline that need per-call overrides: truncation, the hard timeout, and races. */
class IngestPipelineTest extends IntegrationTestBase {

    @Autowired
    Ingestor ingestor;

    @Autowired
    WorkerPool workers;

    @Autowired
    IngestApi ingest;

    @Autowired
    CatalogueApi catalogue;

    @TempDir
    Path tmp;

    @Test
    void textBeyondMaxCharsIsCutAndFlagged() throws IOException {
        Path text = TestFiles.bigText(tmp.resolve("notes.txt"), 20_000);

        IngestOutcome outcome = ingestor.ingestFile(text, "notes.txt", new Ingestor.Options(1_000, Duration.ofSeconds(60)));

        assertThat(outcome.status()).isEqualTo(Status.CREATED);
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.textLength()).isBetween(900L, 1_000L);
        assertThat(outcome.record().files().get(0).truncated()).isTrue();
        assertThat(outcome.record().files().get(0).mimeType()).startsWith("text/"); // repeated lines look like CSV to Tika
        assertThat(outcome.record().language()).isEqualTo("fr");
        assertThat(catalogue.fullText(outcome.record().id()).length()).isEqualTo((int) outcome.textLength());
    }

    @Test
    void aParseOverItsDeadlineKillsTheWorkerAndThePoolRecovers() throws Exception {
        Path slow = TestFiles.bigText(tmp.resolve("enorme.txt"), 40_000_000);
        awaitFullPool();
        WorkerPool.Stats before = workers.stats();

        IngestOutcome outcome = ingestor.ingestFile(slow, "enorme.txt",
                new Ingestor.Options(20_000_000, Duration.ofMillis(100)));

        assertThat(outcome.status()).isEqualTo(Status.QUARANTINED);
        assertThat(outcome.quarantine().reason()).isEqualTo(QuarantineReason.TIMEOUT);
        assertThat(outcome.quarantine().fileKept()).isTrue();
        WorkerPool.Stats after = workers.stats();
        assertThat(after.timedOut()).isEqualTo(before.timedOut() + 1);
        List<Long> gone = before.pids().stream().filter(p -> !after.pids().contains(p)).toList();
        assertThat(gone).hasSize(1);
        assertThat(ProcessHandle.of(gone.get(0)).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // the next file is parsed as usual, and the pool is full again
        Path pdf = TestFiles.textPdf(tmp.resolve("apres.pdf"), "Après " + TestFiles.token(), "X",
                List.of(TestFiles.FRENCH));
        IngestOutcome next = ingestor.ingestFile(pdf, "apres.pdf", ingestor.defaults());
        assertThat(next.status()).isEqualTo(Status.CREATED);
        assertThat(next.textStatus()).isEqualTo(TextStatus.EXTRACTED);
        awaitFullPool();
        assertThat(workers.stats().spawned()).isGreaterThan(before.spawned());
    }

    @Test
    void aWorkerThatRunsOutOfMemoryIsReplaced() throws Exception {
        // 90 M characters with no write limit: the child's 384 MB heap cannot hold the text twice
        Path text = TestFiles.bigText(tmp.resolve("memoire.txt"), 90_000_000);
        awaitFullPool();
        WorkerPool.Stats before = workers.stats();

        var response = workers.parse(text, "memoire.txt", Integer.MAX_VALUE, Duration.ofSeconds(120));

        assertThat(response.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(response.detail()).contains("out of memory");
        assertThat(workers.stats().died()).isEqualTo(before.died() + 1);
        awaitFullPool();
        assertThat(workers.stats().pids()).hasSize(before.size()).isNotEqualTo(before.pids());
    }

    @Test
    void concurrentUploadsOfTheSameBytesMakeOneRecord() throws Exception {
        Path pdf = TestFiles.textPdf(tmp.resolve("course.pdf"), "Course " + TestFiles.token(), "X",
                List.of(TestFiles.FRENCH));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<IngestOutcome>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(() -> ingest.ingest(Files.newInputStream(pdf), "course.pdf"));
            }
            List<IngestOutcome> outcomes = new ArrayList<>();
            for (Future<IngestOutcome> f : pool.invokeAll(uploads)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o.status() == Status.CREATED).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.status() == Status.DUPLICATE).hasSize(3);
            assertThat(outcomes.stream().map(o -> o.record().id()).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLocalFileOverTheSizeLimitIsQuarantinedWhereItLies() throws IOException {
        Path huge = tmp.resolve("archive-scannee.pdf");
        try (var raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(100L * 1024 * 1024 + 1); // sparse: no 100 MB written
        }

        IngestOutcome first = ingest.ingest(huge, "archive-scannee.pdf");
        IngestOutcome again = ingest.ingest(huge, "archive-scannee.pdf");

        assertThat(first.status()).isEqualTo(Status.QUARANTINED);
        assertThat(first.quarantine().reason()).isEqualTo(QuarantineReason.TOO_LARGE);
        assertThat(first.quarantine().fileKept()).isFalse();
        assertThat(first.quarantine().detail()).contains(huge.toString());
        assertThat(again.quarantine().id()).isEqualTo(first.quarantine().id());
    }

    private void awaitFullPool() throws InterruptedException {
        workers.ensureStarted(); // workers start on demand; these tests count a full pool's
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (workers.stats().idle() < workers.stats().size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers.stats().idle()).isEqualTo(workers.stats().size());
    }
}
