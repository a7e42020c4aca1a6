package org.lakou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.bench.BenchFigures.heapPeak;
import static org.lakou.bench.BenchFigures.median;
import static org.lakou.bench.BenchFigures.mib;
import static org.lakou.bench.BenchFigures.oldGenAfterGc;
import static org.lakou.bench.BenchFigures.peakRss;
import static org.lakou.bench.BenchFigures.rates;
import static org.lakou.bench.BenchFigures.resetHeapPeaks;
import static org.lakou.bench.BenchFigures.row;
import static org.lakou.bench.BenchFigures.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestProperties;
import org.lakou.search.SearchApi;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Ingest throughput, warm: Lakou's whole pipeline (hash, dedupe, parse in the child workers,
 * store in GridFS, create the draft) against raw Tika in a JVM of its own, on the same files. Not a test of
 * correctness and excluded from normal runs; {@code bench/ingest} runs it and prints the table.
 */
@Tag("bench")
class IngestBenchmark extends IntegrationTestBase {

    private static final Path CORPUS = Path.of("../shared/data/docs");
    private static final int WARM_PASSES = Integer.getInteger("bench.warmPasses", 40);
    private static final int TIMED_PASSES = Integer.getInteger("bench.timedPasses", 15);
    /** Everything the pipeline writes; emptied between passes so every pass ingests anew. */
    private static final List<String> STATE = List.of("file_index", "quarantine", "files.files", "files.chunks",
            "records", "record_texts", "index_queue");

    @Autowired
    IngestApi ingest;

    @Autowired
    WorkerPool workers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IngestProperties properties;

    @Autowired
    SearchApi search;

    private static final Map<Integer, ExecutorService> POOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<Double> indexTailMs = new ArrayList<>();
    private long parentHeapPeak;

    /** One pass over the files with this many threads. */
    private interface Runner {
        BenchFigures.Pass pass(int threads) throws Exception;
    }

    @Test
    void pipelineAgainstRawTika() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/data/docs not present: benchmark skipped");
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("normal", "office-docx", "office-odt")) {
            try (var s = Files.list(CORPUS.resolve(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        int threads = properties.batchThreads();
        long kb = files.stream().mapToLong(p -> p.toFile().length()).sum() / 1024;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        awaitWorkers();

        Consumer<Path> lakou = f -> assertThat(ingest.ingest(f, f.getFileName().toString()).status().name())
                .isIn("CREATED", "QUARANTINED");
        // the parse alone, in Lakou's worker processes: what isolating Tika costs, without storage or index
        Consumer<Path> isolated = f -> workers.parse(f, f.getFileName().toString(), properties.maxChars(),
                properties.parseTimeout());
        try (RawTikaProcess rawTika = new RawTikaProcess(files)) {
            List<Variant> all = List.of(
                    new Variant("Lakou pipeline, " + threads + " batch threads (default), " + workers.stats().size()
                            + " workers", threads, inThisJvm(files, lakou), true, true),
                    new Variant("Lakou pipeline, " + 2 * threads + " batch threads", 2 * threads,
                            inThisJvm(files, lakou), true, true),
                    new Variant("raw Tika in a JVM of its own, 1 thread", 1, rawTika::pass, false, false),
                    new Variant("raw Tika in a JVM of its own, " + threads + " threads", threads, rawTika::pass, false,
                            false),
                    new Variant("Lakou's parse workers alone (no storage, no index), " + threads + " threads", threads,
                            inThisJvm(files, isolated), false, true));
            run(all, files.size());
            report(all, files.size(), kb, threads, loadBefore, rawTika.peakRss());
        }
    }

    /**
     * Rounds interleave the variants, so a load change on a shared machine hits all of them alike.
     * {@code -Dbench.variants=1,0,3} picks the variants and their order within a round (to see
     * what they cost each other, or whether going second helps); the others' rows read NaN.
     */
    private void run(List<Variant> all, int files) throws Exception {
        List<Variant> variants = Arrays.stream(System.getProperty("bench.variants", "0,1,2,3,4").split(","))
                .map(i -> all.get(Integer.parseInt(i.trim()))).toList();
        for (int round = 0; round < WARM_PASSES + TIMED_PASSES; round++) {
            boolean timed = round >= WARM_PASSES;
            for (Variant v : variants) {
                if (v.pipeline()) {
                    // emptied, not dropped: the background indexer may be writing to records and
                    // index_queue, and a drop racing a write leaves mongo-java-server a closed map
                    STATE.forEach(c -> mongo.getDb().getCollection(c).deleteMany(new org.bson.Document()));
                    resetHeapPeaks();
                }
                long workers0 = v.workers() ? workerCpuNanos() : 0;
                if (timed) {
                    v.threadCpu().start();
                }
                BenchFigures.Pass pass = v.runner().pass(v.threads());
                long tail = v.pipeline() ? awaitIndexTail(timed) : 0;
                if (timed) {
                    v.threadCpu().stop();
                    long inWorkers = v.workers() ? workerCpuNanos() - workers0 : 0;
                    v.rates().add(pass.filesPerSecond());
                    v.cpuMsPerFile().add((pass.cpuNanos() + tail + inWorkers) / 1e6 / files);
                    v.workerCpuMsPerFile().add(inWorkers / 1e6 / files);
                    if (v.pipeline()) {
                        parentHeapPeak = Math.max(parentHeapPeak, heapPeak());
                    }
                }
            }
        }
    }

    /** A pass over the files in this JVM, its CPU being this JVM's (the workers' are added by the caller). */
    private static Runner inThisJvm(List<Path> files, Consumer<Path> work) {
        return threads -> {
            long cpu0 = ownCpuNanos();
            double rate = pass(files, threads, work);
            return new BenchFigures.Pass(rate, ownCpuNanos() - cpu0);
        };
    }

    /**
     * Untimed, but its CPU counts: the index work of a pipeline pass must neither be left out of
     * the pipeline's cost nor spill into the next variant's pass.
     */
    private long awaitIndexTail(boolean timed) {
        long cpu0 = ownCpuNanos();
        long t0 = System.nanoTime();
        assertThat(search.awaitIndexed(Duration.ofMinutes(2))).as("index caught up").isTrue();
        if (timed) {
            indexTailMs.add((System.nanoTime() - t0) / 1e6);
        }
        return ownCpuNanos() - cpu0;
    }
    private void report(List<Variant> all, int files, long kb, int threads, double loadBefore, long rawRss)
            throws IOException {
        WorkerPool.Stats stats = workers.stats();
        double best = DoubleStream.of(median(all.get(2).rates()), median(all.get(3).rates()))
                .filter(r -> !Double.isNaN(r)).max().orElse(Double.NaN);
        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n")
                .append(row("files per pass", files + " (normal, office-docx, office-odt; " + kb + " KB)"))
                .append(row("passes", WARM_PASSES + " warm-up + " + TIMED_PASSES + " timed rounds, variants interleaved"));
        for (Variant v : all) {
            report.append(row(v.name(), rates(v.rates()) + String.format("; CPU %.1f ms/file", median(v.cpuMsPerFile()))
                    + (v.workers() ? String.format(" (%.1f in the Tika workers)", median(v.workerCpuMsPerFile())) : "")));
        }
        report.append(row("ratio default pipeline / best raw Tika (medians)",
                        String.format("%.2f×", median(all.get(0).rates()) / best)))
                .append(row("ratio " + 2 * threads + "-thread pipeline / best raw Tika (medians)",
                        String.format("%.2f×", median(all.get(1).rates()) / best)))
                .append(row("index catching up after a pipeline pass (untimed; its CPU is in the pipeline's)",
                        String.format("median %.0f ms", median(indexTailMs))))
                .append(row("default pipeline: the server JVM's CPU by thread (ms/file, with the index tail)",
                        threads(all.get(0).threadCpu().msPer((long) TIMED_PASSES * files))))
                .append(row("ratio parse workers alone / best raw Tika (medians)",
                        String.format("%.2f×", median(all.get(4).rates()) / best)))
                .append(row("CPU per file, default pipeline / raw Tika 1 thread (medians)", String.format("%.2f×",
                        median(all.get(0).cpuMsPerFile()) / median(all.get(2).cpuMsPerFile()))))
                .append(row("server heap peak during a pipeline pass (sum of pool peaks, garbage included)",
                        mib(parentHeapPeak)))
                .append(row("server live heap after GC (old generation, end of run)", mib(oldGenAfterGc())))
                .append(row("worker heap peak (max over workers, sum of pool peaks)", mib(stats.maxChildHeapPeakBytes())))
                .append(row("worker peak RSS (max over live workers, VmHWM)", mib(stats.maxChildPeakRssBytes())))
                .append(row("server peak RSS (VmHWM, the test JVM)", mib(peakRss("self"))))
                .append(row("raw Tika JVM peak RSS (VmHWM)", mib(rawRss)))
                .append(row("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + String.format(", load average %.1f before, %.1f after",
                        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())))
                .append(row("date", LocalDate.now().toString()));
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-latest.md"), report);
        System.out.println(report);
    }

    private record Variant(String name, int threads, Runner runner, boolean pipeline, boolean workers,
            List<Double> rates, List<Double> cpuMsPerFile, List<Double> workerCpuMsPerFile, ThreadCpu threadCpu) {
        Variant(String name, int threads, Runner runner, boolean pipeline, boolean workers) {
            this(name, threads, runner, pipeline, workers, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ThreadCpu());
        }
    }

    /**
     * CPU time of this JVM; the workers' is added for the pipeline: on a shared machine wall time
     * follows the neighbours' load, CPU per file much less.
     */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long workerCpuNanos() throws IOException {
        long total = 0;
        for (long pid : workers.stats().pids()) {
            total += BenchFigures.cpuTicks(Path.of("/proc/" + pid + "/stat")) * 10_000_000L; // 100 ticks/s
        }
        return total;
    }

    /**
     * One pass over the files on a pool of this many threads; returns files/s. The pools live as
     * long as the run, so the per-thread CPU figures still see their threads after a pass.
     */
    private static double pass(List<Path> files, int threads, Consumer<Path> work) throws Exception {
        ExecutorService pool = POOLS.computeIfAbsent(threads, n -> Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "bench-pass-" + n);
            t.setDaemon(true);
            return t;
        }));
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Path f : files) {
            done.add(pool.submit(() -> work.accept(f)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return files.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private void awaitWorkers() throws InterruptedException {
        workers.ensureStarted();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (workers.stats().idle() < workers.stats().size()) {
            assertThat(System.nanoTime()).as("workers ready within 60 s (see the log for why they did not start)")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
