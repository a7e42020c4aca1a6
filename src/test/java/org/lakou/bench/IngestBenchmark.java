package org.lakou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
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
 * store in GridFS, create the draft) against raw in-process Tika on the same files. Not a test of
 * correctness and excluded from normal runs; {@code bench/ingest} runs it and prints the table.
 */
@Tag("bench")
class IngestBenchmark extends IntegrationTestBase {

    private static final Path CORPUS = Path.of("../shared/data/docs");
    private static final int WARM_PASSES = Integer.getInteger("bench.warmPasses", 40);
    private static final int TIMED_PASSES = 5;
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

        AutoDetectParser parser = new AutoDetectParser();
        Consumer<Path> lakou = f -> assertThat(ingest.ingest(f, f.getFileName().toString()).status().name())
                .isIn("CREATED", "QUARANTINED");
        Consumer<Path> tika = f -> rawTika(parser, f);
        // the parse alone, in Lakou's worker processes: what isolating Tika costs, without storage or index
        Consumer<Path> isolated = f -> workers.parse(f, f.getFileName().toString(), properties.maxChars(),
                properties.parseTimeout());
        List<Variant> variants = List.of(
                new Variant("Lakou pipeline, " + threads + " batch threads (default), " + workers.stats().size()
                        + " workers", threads, lakou, true, true),
                new Variant("Lakou pipeline, " + 2 * threads + " batch threads", 2 * threads, lakou, true, true),
                new Variant("raw Tika in-process, 1 thread", 1, tika, false, false),
                new Variant("raw Tika in-process, " + threads + " threads", threads, tika, false, false),
                new Variant("Lakou's parse workers alone (no storage, no index), " + threads + " threads", threads,
                        isolated, false, true));
        // rounds interleave the variants, so a load change on a shared machine hits all of them alike
        long parentHeapPeak = 0;
        List<Double> indexTailMs = new ArrayList<>();
        for (int round = 0; round < WARM_PASSES + TIMED_PASSES; round++) {
            for (Variant v : variants) {
                if (v.pipeline()) {
                    // emptied, not dropped: the background indexer may be writing to records and
                    // index_queue, and a drop racing a write leaves mongo-java-server a closed map
                    STATE.forEach(c -> mongo.getDb().getCollection(c).deleteMany(new org.bson.Document()));
                    resetHeapPeaks();
                }
                long cpu0 = cpuNanos(v.workers());
                long workers0 = v.workers() ? workerCpuNanos() : 0;
                double rate = pass(files, v.threads(), v.work());
                if (v.pipeline()) {
                    // untimed, but its CPU counts: the index work of this pass must neither be left out
                    // of the pipeline's cost nor spill into the next variant's pass
                    long t0 = System.nanoTime();
                    assertThat(search.awaitIndexed(Duration.ofMinutes(2))).as("index caught up").isTrue();
                    if (round >= WARM_PASSES) {
                        indexTailMs.add((System.nanoTime() - t0) / 1e6);
                    }
                }
                long cpu = cpuNanos(v.workers()) - cpu0;
                long inWorkers = v.workers() ? workerCpuNanos() - workers0 : 0;
                if (round >= WARM_PASSES) {
                    v.rates().add(rate);
                    v.cpuMsPerFile().add(cpu / 1e6 / files.size());
                    v.workerCpuMsPerFile().add(inWorkers / 1e6 / files.size());
                    if (v.pipeline()) {
                        parentHeapPeak = Math.max(parentHeapPeak, heapPeak());
                    }
                }
            }
        }
        WorkerPool.Stats stats = workers.stats();
        double best = Math.max(median(variants.get(2).rates()), median(variants.get(3).rates()));

        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n")
                .append(row("files per pass", files.size() + " (normal, office-docx, office-odt; " + kb + " KB)"))
                .append(row("passes", WARM_PASSES + " warm-up + " + TIMED_PASSES + " timed rounds, variants interleaved"));
        for (Variant v : variants) {
            report.append(row(v.name(), fmt(v.rates()) + String.format("; CPU %.1f ms/file", median(v.cpuMsPerFile()))
                    + (v.workers() ? String.format(" (%.1f in the Tika workers)", median(v.workerCpuMsPerFile())) : "")));
        }
        report.append(row("ratio default pipeline / best raw Tika (medians)",
                        String.format("%.2f×", median(variants.get(0).rates()) / best)))
                .append(row("ratio " + 2 * threads + "-thread pipeline / best raw Tika (medians)",
                        String.format("%.2f×", median(variants.get(1).rates()) / best)))
                .append(row("index catching up after a pipeline pass (untimed; its CPU is in the pipeline's)",
                        String.format("median %.0f ms", median(indexTailMs))))
                .append(row("ratio parse workers alone / best raw Tika (medians)",
                        String.format("%.2f×", median(variants.get(4).rates()) / best)))
                .append(row("CPU per file, default pipeline / raw Tika 1 thread (medians)", String.format("%.2f×",
                        median(variants.get(0).cpuMsPerFile()) / median(variants.get(2).cpuMsPerFile()))))
                .append(row("parent heap peak during a pipeline pass (sum of pool peaks, garbage included)",
                        mib(parentHeapPeak)))
                .append(row("parent live heap after GC (old generation, end of run)", mib(oldGenAfterGc())))
                .append(row("child heap peak (max over workers, sum of pool peaks)", mib(stats.maxChildHeapPeakBytes())))
                .append(row("child peak RSS (max over live workers, VmHWM)", mib(stats.maxChildPeakRssBytes())))
                .append(row("parent peak RSS (VmHWM, whole test JVM incl. raw Tika)", mib(selfPeakRss())))
                .append(row("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + String.format(", load average %.1f before, %.1f after",
                        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())))
                .append(row("date", LocalDate.now().toString()));
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-latest.md"), report);
        System.out.println(report);
    }

    private record Variant(String name, int threads, Consumer<Path> work, boolean pipeline, boolean workers,
            List<Double> rates, List<Double> cpuMsPerFile, List<Double> workerCpuMsPerFile) {
        Variant(String name, int threads, Consumer<Path> work, boolean pipeline, boolean workers) {
            this(name, threads, work, pipeline, workers, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * CPU time of this JVM, plus the workers' for the pipeline: on a shared machine wall time
     * follows the neighbours' load, CPU per file much less.
     */
    private long cpuNanos(boolean withWorkers) throws IOException {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return withWorkers ? total + workerCpuNanos() : total;
    }

    private long workerCpuNanos() throws IOException {
        long total = 0;
        for (long pid : workers.stats().pids()) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // 100 ticks/s
        }
        return total;
    }

    /** One pass over the files with a fixed pool; returns files/s. */
    private static double pass(List<Path> files, int threads, Consumer<Path> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> work.accept(f)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return files.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void rawTika(AutoDetectParser parser, Path f) {
        Metadata md = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(f)) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, f.getFileName().toString());
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            parser.parse(in, new BodyContentHandler(2_000_000), md, context);
        } catch (Exception e) {
            // a broken file costs what it costs in both runs
        }
    }

    private static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long oldGenAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null
                        && p.getName().toLowerCase().contains("old"))
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    private static long selfPeakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
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

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String fmt(List<Double> rates) {
        return String.format("median %.1f files/s (passes: %s)", median(rates),
                Arrays.toString(rates.stream().mapToDouble(r -> Math.round(r * 10) / 10.0).toArray()));
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }

    private static String row(String k, String v) {
        return "| " + k + " | " + v + " |\n";
    }
}
