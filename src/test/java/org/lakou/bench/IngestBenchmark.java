package org.lakou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final int WARM_PASSES = 5;
    private static final int TIMED_PASSES = 5;
    /** Everything the pipeline writes; dropped between passes so every pass ingests anew. */
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
        long mb = files.stream().mapToLong(p -> p.toFile().length()).sum();

        StringBuilder report = new StringBuilder();
        awaitWorkers();
        List<Double> pipeline = passes(files, threads, f -> {
            var outcome = ingest.ingest(f, f.getFileName().toString());
            assertThat(outcome.status().name()).isIn("CREATED", "QUARANTINED");
        }, true);
        long parentHeapPeak = heapPeak();
        WorkerPool.Stats stats = workers.stats();

        AutoDetectParser parser = new AutoDetectParser();
        Consumer<Path> tika = f -> rawTika(parser, f);
        List<Double> raw1 = passes(files, 1, tika, false);
        List<Double> raw2 = passes(files, threads, tika, false);

        double best = Math.max(median(raw1), median(raw2));
        report.append("| measure | value |\n|---|---|\n")
                .append(row("files per pass", files.size() + " (normal, office-docx, office-odt; " + mb / 1024 + " KB)"))
                .append(row("passes", WARM_PASSES + " warm-up + " + TIMED_PASSES + " timed, each"))
                .append(row("Lakou pipeline, " + threads + " batch threads, " + stats.size() + " workers",
                        fmt(pipeline)))
                .append(row("raw Tika in-process, 1 thread", fmt(raw1)))
                .append(row("raw Tika in-process, " + threads + " threads", fmt(raw2)))
                .append(row("ratio pipeline / best raw (medians)", String.format("%.2f×", median(pipeline) / best)))
                .append(row("parent heap peak during the pipeline passes", mib(parentHeapPeak)))
                .append(row("child heap peak (max over workers)", mib(stats.maxChildHeapPeakBytes())))
                .append(row("child peak RSS (max over workers, VmHWM)", mib(stats.maxChildPeakRssBytes())))
                .append(row("parent peak RSS (VmHWM, whole test JVM)", mib(selfPeakRss())))
                .append(row("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + ", load average before the run "
                        + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())))
                .append(row("date", LocalDate.now().toString()));
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-latest.md"), report);
        System.out.println(report);
    }

    /** Warm-up passes first, then timed ones; returns files/s of each timed pass. */
    private List<Double> passes(List<Path> files, int threads, Consumer<Path> work, boolean pipeline)
            throws Exception {
        List<Double> rates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int pass = 0; pass < WARM_PASSES + TIMED_PASSES; pass++) {
                if (pipeline) {
                    STATE.forEach(c -> mongo.getDb().getCollection(c).drop());
                }
                if (pass == WARM_PASSES) {
                    resetHeapPeaks();
                }
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (Path f : files) {
                    done.add(pool.submit(() -> work.accept(f)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (pass >= WARM_PASSES) {
                    rates.add(files.size() / seconds);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return rates;
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
        while (workers.stats().idle() < workers.stats().size()) {
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
