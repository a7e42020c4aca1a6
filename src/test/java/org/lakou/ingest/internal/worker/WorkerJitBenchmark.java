package org.lakou.ingest.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Request;

/**
 * What the workers' JIT options cost per file, from the first file on: one worker per option set,
 * both fed the same files in the same order at the same time (so a neighbour's load hits both
 * alike), and each worker's own CPU (/proc, compiler threads included) counted per block of the
 * corpus. A worker's whole life is what a server sees, not only its steady state: with two
 * workers each one compiles the parsers for itself. {@code bench/worker-jit} runs it.
 */
@Tag("bench")
class WorkerJitBenchmark {

    private static final Path CORPUS = Path.of("../shared/data/docs");
    private static final int BLOCKS = Integer.getInteger("bench.blocks", 20);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final OcrRequest OCR = new OcrRequest("fra+eng", "", 60_000, 600_000, 300, 5);

    /** The option sets compared: C2 late (the earlier default), C2 as the JVM sets it, C1 only (the default). */
    record Config(String name, List<String> options) {
    }

    @Test
    void cpuPerFileByBlock() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/data/docs not present: benchmark skipped");
        List<Path> files = corpus();
        List<String> raised = List.of("-XX:Tier4InvocationThreshold=15000", "-XX:Tier4CompileThreshold=45000",
                "-XX:Tier4BackEdgeThreshold=120000");
        List<Config> configs = List.of(new Config("Tier4 thresholds x3", raised),
                new Config("JVM default thresholds", List.of()), new Config("C1 only (the default)",
                        List.of("-XX:TieredStopAtLevel=1")));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        var pool = Executors.newFixedThreadPool(configs.size());
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (Config c : configs) {
                runs.add(pool.submit(() -> run(c, files, watchdog)));
            }
            List<double[]> perBlock = new ArrayList<>();
            for (Future<double[]> f : runs) {
                perBlock.add(f.get());
            }
            report(configs, perBlock, files.size());
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
    }

    /** CPU ms per file in each block of the corpus, for one worker started with these options. */
    private static double[] run(Config c, List<Path> files, ScheduledExecutorService watchdog) throws Exception {
        WorkerProcess w = WorkerProcess.start(ChildCommand.build("384m", c.options()), TIMEOUT, watchdog, p -> {
        });
        try {
            double[] ms = new double[BLOCKS];
            for (int b = 0; b < BLOCKS; b++) {
                long cpu0 = cpuTicks(w.pid());
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    var r = w.parse(new Request(f.toAbsolutePath().toString(), name, 2_000_000,
                            name.endsWith(".pdf") ? OCR : null), TIMEOUT, watchdog);
                    assertThat(r.code()).isNotNull();
                }
                ms[b] = (cpuTicks(w.pid()) - cpu0) * 10.0 / files.size(); // 100 ticks per second
            }
            return ms;
        } finally {
            w.quit(Duration.ofSeconds(5));
        }
    }

    private static void report(List<Config> configs, List<double[]> perBlock, int files)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Worker CPU per file (ms) by block of %d files; load %s%n", files,
                Files.readString(Path.of("/proc/loadavg")).strip()));
        out.append("\n| block |");
        configs.forEach(c -> out.append(' ').append(c.name()).append(" |"));
        out.append("\n|---|").append("---|".repeat(configs.size())).append('\n');
        double[] sums = new double[configs.size()];
        for (int b = 0; b < BLOCKS; b++) {
            out.append("| ").append(b + 1).append(" |");
            for (int i = 0; i < configs.size(); i++) {
                sums[i] += perBlock.get(i)[b];
                out.append(String.format(Locale.ROOT, " %.1f (mean so far %.1f) |", perBlock.get(i)[b], sums[i] / (b + 1)));
            }
            out.append('\n');
        }
        int best = 0;
        for (int i = 1; i < sums.length; i++) {
            best = sums[i] < sums[best] ? i : best;
        }
        out.append(String.format(Locale.ROOT, "%nverdict: over %d files per worker, %s costs the least CPU: %.1f ms"
                + " per file on average%n", BLOCKS * files, configs.get(best).name(), sums[best] / BLOCKS));
        Files.createDirectories(Path.of("bench/out"));
        Files.writeString(Path.of("bench/out/worker-jit-latest.md"), out);
        System.out.println(out);
    }

    private static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("normal", "office-docx", "office-odt")) {
            try (var s = Files.list(CORPUS.resolve(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static long cpuTicks(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
