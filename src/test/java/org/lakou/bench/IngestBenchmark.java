package org.lakou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.bench.BenchFigures.heapPeak;
import static org.lakou.bench.BenchFigures.resetHeapPeaks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.bench.IngestReport.Runner;
import org.lakou.bench.IngestReport.Variant;
import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.lakou.search.SearchApi;
import org.lakou.search.internal.SolrTestAccess;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Ingest throughput, warm: Lakou's whole pipeline (hash, dedupe, parse in the child workers,
 * store in GridFS, create the draft, index it) against a raw program doing the same work
 * ({@link RawPipelineMain}) and against raw Tika alone, each in a JVM of its own, on the same
 * files. Not a test of correctness and excluded from normal runs; {@code bench/ingest} runs it
 * and prints the table with its verdict.
 */
@Tag("bench")
class IngestBenchmark extends IntegrationTestBase {

    private static final Path CORPUS = Path.of("../shared/data/docs");
    private static final int WARM_PASSES = Integer.getInteger("bench.warmPasses", 40);
    private static final int TIMED_PASSES = Integer.getInteger("bench.timedPasses", 15);
    /**
     * The rounds stop early when the run would pass this budget (half of it for the warm-up, at
     * least two timed rounds): on a machine shared with other builds a round can take 20 times
     * as long as on a quiet one, and the whole run, start-up included, must stay under 15 minutes.
     */
    private static final long BUDGET_NANOS = Long.getLong("bench.minutes", 9) * 60_000_000_000L;
    /**
     * Everything the pipeline writes; emptied between passes so every pass ingests into the same
     * state. The near-duplicate collections too: kept, every pass would find the earlier passes'
     * copies of each text in its buckets, a cost that grows with the rounds and no real import has.
     */
    private static final List<String> STATE = List.of("file_index", "quarantine", "files.files", "files.chunks",
            "records", "record_texts", "index_queue", "near_dup_signatures", "near_dup_bands",
            "near_dup_pending");

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

    @Autowired
    ApplicationContext context;

    private static final Map<Integer, ExecutorService> POOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<Double> indexTailMs = new ArrayList<>();
    private long parentHeapPeak;
    private int rawRecords;
    private int warmDone;
    private int timedDone;

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
        try (RawTikaProcess rawTika = new RawTikaProcess(files);
                RawPipelineProcess rawPipeline = new RawPipelineProcess(files, properties.maxChars())) {
            List<Variant> all = List.of(
                    new Variant("Lakou pipeline, " + threads + " batch threads (default), " + workers.stats().size()
                            + " workers", threads, inThisJvm(files, lakou), true, true),
                    new Variant("Lakou pipeline, " + 2 * threads + " batch threads", 2 * threads,
                            inThisJvm(files, lakou), true, true),
                    new Variant("raw Tika in a JVM of its own, 1 thread", 1, rawTika::pass, false, false),
                    new Variant("raw Tika in a JVM of its own, " + threads + " threads", threads, rawTika::pass, false,
                            false),
                    new Variant("Lakou's parse workers alone (no storage, no index), " + threads + " threads", threads,
                            inThisJvm(files, isolated), false, true),
                    new Variant("raw pipeline in a JVM of its own (SHA-256, Tika, GridFS, Mongo insert, SolrJ add), "
                            + threads + " threads", threads, t -> rawPass(rawPipeline, t), false, false));
            run(all, files.size());
            new IngestReport(all, files.size(), warmDone, timedDone).write(kb, threads, loadBefore, indexTailMs,
                    parentHeapPeak, workers.stats(), rawTika.peakRss(), rawPipeline.peakRss());
        }
    }

    private BenchFigures.Pass rawPass(RawPipelineProcess raw, int threads) throws IOException {
        RawPipelineProcess.Pass p = raw.pass(threads);
        rawRecords = p.records();
        return new BenchFigures.Pass(p.storedPerSecond(), p.cpuNanos(), p.searchablePerSecond());
    }

    /**
     * Rounds interleave the variants, so a load change on a shared machine hits all of them alike.
     * {@code -Dbench.variants=1,0,3} picks the variants and their order within a round (to see
     * what they cost each other, or whether going second helps); the others' rows read NaN. By
     * default the pipeline, the raw pipeline, raw Tika and the workers alone: the 8-thread and
     * 1-thread variants ({@code 0,5,1,2,3,4} for all) would make each round half as long again.
     */
    private void run(List<Variant> all, int files) throws Exception {
        List<Variant> variants = Arrays.stream(System.getProperty("bench.variants", "0,5,3,4").split(","))
                .map(i -> all.get(Integer.parseInt(i.trim()))).toList();
        long start = System.nanoTime();
        while (warmDone < WARM_PASSES && System.nanoTime() - start < BUDGET_NANOS / 2) {
            round(variants, false, files);
            warmDone++;
        }
        while (timedDone < TIMED_PASSES && (timedDone < 2 || System.nanoTime() - start < BUDGET_NANOS)) {
            round(variants, true, files);
            timedDone++;
        }
    }

    private void round(List<Variant> variants, boolean timed, int files) throws Exception {
        for (Variant v : variants) {
            onePass(v, timed, files);
        }
    }

    private void onePass(Variant v, boolean timed, int files) throws Exception {
        if (v.pipeline()) {
            // emptied, not dropped: the background indexer may be writing to records and
            // index_queue, and a drop racing a write leaves mongo-java-server a closed map
            STATE.forEach(c -> mongo.getDb().getCollection(c).deleteMany(new org.bson.Document()));
            // and the index, as the raw pipeline empties its own: the earlier passes' documents
            // would grow the merges and wake the orphan sweep (records gone from MongoDB)
            SolrTestAccess.wipeIndex(context);
            resetHeapPeaks();
        }
        long workers0 = v.workers() ? workerCpuNanos() : 0;
        if (timed) {
            v.threadCpu().start();
        }
        BenchFigures.Pass pass = v.runner().pass(v.threads());
        long[] tail = v.pipeline() ? awaitIndexTail(timed) : new long[] {0, 0};
        if (!timed) {
            return;
        }
        v.threadCpu().stop();
        long inWorkers = v.workers() ? workerCpuNanos() - workers0 : 0;
        v.rates().add(pass.filesPerSecond());
        v.searchableRates().add(v.pipeline()
                ? files / (files / pass.filesPerSecond() + tail[1] / 1e9) : pass.searchablePerSecond());
        v.cpuMsPerFile().add((pass.cpuNanos() + tail[0] + inWorkers) / 1e6 / files);
        v.workerCpuMsPerFile().add(inWorkers / 1e6 / files);
        if (v.pipeline()) {
            parentHeapPeak = Math.max(parentHeapPeak, heapPeak());
            v.records().add((int) mongo.getDb().getCollection("records").countDocuments());
        } else if (!Double.isNaN(pass.searchablePerSecond())) {
            v.records().add(rawRecords);
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
     * Untimed in the rate to stored, timed in the rate to searchable; its CPU counts either way:
     * the index work of a pipeline pass must neither be left out of the pipeline's cost nor spill
     * into the next variant's pass. Returns the CPU and the wall time it took, in ns.
     */
    private long[] awaitIndexTail(boolean timed) {
        long cpu0 = ownCpuNanos();
        long t0 = System.nanoTime();
        assertThat(search.awaitIndexed(Duration.ofMinutes(2))).as("index caught up").isTrue();
        long wall = System.nanoTime() - t0;
        if (timed) {
            indexTailMs.add(wall / 1e6);
        }
        return new long[] {ownCpuNanos() - cpu0, wall};
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
        long deadline = System.nanoTime() + 180_000_000_000L; // two JVM starts at load 30+ took over a minute
        while (workers.stats().idle() < workers.stats().size()) {
            assertThat(System.nanoTime()).as("workers ready within 180 s (see the log for why they did not start)")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
