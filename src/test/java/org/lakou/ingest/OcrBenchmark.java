package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OCR pages per second through Lakou (upload of a page image: hash, parse worker, Tesseract via
 * Tika with hOCR, store, draft record) against the raw {@code tesseract} command on the same page
 * images, both with two pages at once on two cores and {@code OMP_THREAD_LIMIT=1}. Warm: the
 * server has ingested text files and the workers have read pages before the timed passes. Each
 * pass also records CPU seconds by process and thread ({@link ProcCpu}). {@code bench/ocr} runs it.
 */
@Tag("bench")
class OcrBenchmark extends IntegrationTestBase {

    private static final int PAGES = Integer.getInteger("bench.ocrPages", 24);
    private static final int ROUNDS = Integer.getInteger("bench.ocrRounds", 3);
    private static final int WARM_UP = Integer.getInteger("bench.ocrWarmUp", 8);
    private static final int WARM_FILES = Integer.getInteger("bench.ocrWarmFiles", 400);
    private static final double SETTLED_CORE = 0.1;
    private static final long SETTLE_LIMIT_NANOS = 120_000_000_000L;
    private static final int PARALLEL = 2;
    /**
     * Lakou's batch import feeds each worker from two threads ({@code lakou.ingest.batch-threads},
     * twice the processors): with one thread per worker, the worker waits while its thread stores
     * the file and writes the record, draft, outbox and near-duplicate signature. Both are measured.
     */
    private static final int FED = 2 * PARALLEL;

    @Autowired
    IngestApi ingest;

    @Autowired
    WorkerPool workers;

    @TempDir
    Path tmp;

    @Test
    void ocrPagesPerSecondAgainstRawTesseract() throws Exception {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract with French data is not installed");
        Assumptions.assumeTrue(ProcCpu.available(), "CPU accounting reads Linux's /proc");
        assertThat(System.getenv("OMP_THREAD_LIMIT")).as("run through bench/ocr, which sets OMP_THREAD_LIMIT=1")
                .isEqualTo("1");
        workers.ensureStarted();
        warmServer(tmp.resolve("warm-text"));
        lakouPass(ScanFiles.pngs(tmp.resolve("warm"), pages("warm", WARM_UP)), PARALLEL);
        double settled = awaitSettled();

        List<Pass> raw = new ArrayList<>();
        List<Pass> lakou = new ArrayList<>();
        List<Pass> fed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // distinct text each pass: the same bytes twice would be a duplicate, not a second OCR
            List<Path> images = ScanFiles.pngs(tmp.resolve("r" + round), pages("r" + round, PAGES));
            raw.add(rawPass(images));
            lakou.add(lakouPass(images, PARALLEL));
            fed.add(lakouPass(ScanFiles.pngs(tmp.resolve("f" + round), pages("f" + round, PAGES)), FED));
        }
        String report = OcrBenchReport.render(raw, lakou, fed, PAGES, ROUNDS)
                + String.format(Locale.ROOT, "%nwarm-up: %d text files, %d pages, then %.0f s until the server's own "
                        + "CPU fell below %.0f %% of a core%n", WARM_FILES, WARM_UP, settled, SETTLED_CORE * 100);
        Files.createDirectories(Path.of("bench/out"));
        Files.writeString(Path.of("bench/out/ocr.md"), report);
        System.out.println(report);
        assertThat(lakou).allSatisfy(p -> assertThat(p.cpu().workerChildren()).as("tesseract ran under the workers")
                .isPositive());
    }

    /**
     * Short text files take the server's whole ingest path (hash, claim, worker, store, record,
     * index, near-duplicates) at a fraction of OCR's cost, so the timed passes do not pay its first
     * compilations. It does not make the server's JIT quiet: in the 2026-12-07 runs its compiler
     * threads still took 0.21–0.25 CPU s per page after 200 or 400 such files (the thread table's
     * "CN CompilerThre"; docs/benchmarks.md).
     */
    private void warmServer(Path dir) throws Exception {
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(FED);
        try {
            List<Future<IngestOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < WARM_FILES; i++) {
                Path file = dir.resolve("warm-" + i + ".txt");
                Files.writeString(file, String.join("\n", pages("texte " + i, 1).get(0)));
                outcomes.add(pool.submit(() -> ingest.ingest(file, file.getFileName().toString())));
            }
            for (Future<IngestOutcome> f : outcomes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A server just started keeps compiling its hot code (C2) and finishing start-up work for a
     * minute or more: that is paid once, not per page, so the timed passes wait for it to end
     * (within a bound). The thread table shows what is left of it.
     */
    private static double awaitSettled() throws InterruptedException {
        long t0 = System.nanoTime();
        double last = ProcCpu.sample(List.of()).server();
        int calm = 0;
        while (calm < 3 && System.nanoTime() - t0 < SETTLE_LIMIT_NANOS) {
            Thread.sleep(1000);
            double now = ProcCpu.sample(List.of()).server();
            calm = now - last < SETTLED_CORE ? calm + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private Pass lakouPass(List<Path> images, int threads) throws Exception {
        Map<String, Double> threadsBefore = ProcCpu.threads(workers.stats().pids());
        ProcCpu.Sample before = ProcCpu.sample(workers.stats().pids());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<IngestOutcome>> outcomes = new ArrayList<>();
            for (Path image : images) {
                outcomes.add(pool.submit(() -> ingest.ingest(image, image.getFileName().toString())));
            }
            for (Future<IngestOutcome> f : outcomes) {
                assertThat(f.get().textStatus()).isEqualTo(TextStatus.OCR);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // before the pool's threads end, so that their CPU is still counted under their name
            return new Pass(images.size(), seconds, ProcCpu.sample(workers.stats().pids()).minus(before),
                    minus(ProcCpu.threads(workers.stats().pids()), threadsBefore));
        } finally {
            pool.shutdownNow();
        }
    }

    private Pass rawPass(List<Path> images) throws Exception {
        Map<String, Double> threadsBefore = ProcCpu.threads(workers.stats().pids());
        ProcCpu.Sample before = ProcCpu.sample(workers.stats().pids());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> exits = new ArrayList<>();
            for (Path image : images) {
                exits.add(pool.submit(() -> tesseract(image)));
            }
            for (Future<Integer> f : exits) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Pass(images.size(), seconds, ProcCpu.sample(workers.stats().pids()).minus(before),
                minus(ProcCpu.threads(workers.stats().pids()), threadsBefore));
    }

    /** One timed pass: its pages, its wall-clock seconds and the CPU each process used meanwhile. */
    record Pass(int pages, double seconds, ProcCpu.Sample cpu, Map<String, Double> serverThreads) {

        double rate() {
            return pages / seconds;
        }
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new HashMap<>();
        after.forEach((name, cpu) -> delta.put(name, cpu - before.getOrDefault(name, 0.0)));
        return delta;
    }

    private static int tesseract(Path image) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", image.toString(),
                image.resolveSibling(image.getFileName() + ".out").toString(), "-l", "fra+eng")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb.start().waitFor();
    }

    private static List<List<String>> pages(String tag, int n) {
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pages.add(List.of("Rapport d'activité " + tag + " page " + (i + 1) + " " + TestFiles.token(),
                    "Le centre de ressources accompagne les acteurs de la politique",
                    "de la ville dans les quartiers prioritaires et publie chaque année",
                    "un rapport sur la médiation sociale, l'éducation populaire,",
                    "l'insertion des jeunes et la rénovation urbaine du territoire.",
                    "Les habitants ont participé aux ateliers et aux réunions publiques."));
        }
        return pages;
    }
}
