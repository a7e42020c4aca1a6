package org.lakou.bench;

import static org.lakou.bench.BenchFigures.median;
import static org.lakou.bench.BenchFigures.mib;
import static org.lakou.bench.BenchFigures.oldGenAfterGc;
import static org.lakou.bench.BenchFigures.peakRss;
import static org.lakou.bench.BenchFigures.rates;
import static org.lakou.bench.BenchFigures.row;
import static org.lakou.bench.BenchFigures.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

import org.lakou.ingest.internal.worker.WorkerPool;

/**
 * The ingest benchmark's table (bench/out/ingest-latest.md) and its verdicts. Variant indexes:
 * 0 the default pipeline, 1 twice its threads, 2 and 3 raw Tika on 1 and n threads, 4 the parse
 * workers alone, 5 the raw pipeline.
 */
final class IngestReport {

    /** The floor: Lakou's ingest against a raw program doing the same work, up to searchable. */
    static final double RAW_PIPELINE_GOAL = 0.9;

    /** One pass over the files with this many threads. */
    interface Runner {
        BenchFigures.Pass pass(int threads) throws Exception;
    }

    record Variant(String name, int threads, Runner runner, boolean pipeline, boolean workers, List<Double> rates,
            List<Double> searchableRates, List<Double> cpuMsPerFile, List<Double> workerCpuMsPerFile,
            List<Integer> records, ThreadCpu threadCpu) {
        Variant(String name, int threads, Runner runner, boolean pipeline, boolean workers) {
            this(name, threads, runner, pipeline, workers, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ThreadCpu());
        }

        String row() {
            String searchable = searchableRates.stream().allMatch(r -> r.isNaN()) ? ""
                    : "; up to searchable " + BenchFigures.rates(searchableRates);
            return BenchFigures.row(name, BenchFigures.rates(rates) + searchable
                    + String.format("; CPU %.1f ms/file", median(cpuMsPerFile))
                    + (workers ? String.format(" (%.1f in the Tika workers)", median(workerCpuMsPerFile)) : ""));
        }
    }

    private final List<Variant> all;
    private final int files;
    private final int warmPasses;
    private final int timedPasses;

    IngestReport(List<Variant> all, int files, int warmPasses, int timedPasses) {
        this.all = all;
        this.files = files;
        this.warmPasses = warmPasses;
        this.timedPasses = timedPasses;
    }

    /** Medians of the timed rounds: default pipeline / raw pipeline, up to searchable. */
    double rawPipelineRatio() {
        return median(all.get(0).searchableRates()) / median(all.get(5).searchableRates());
    }

    String verdict() {
        double ratio = rawPipelineRatio();
        return Double.isNaN(ratio) ? "not measured (variant 0 or 5 left out)"
                : String.format("%.2f× of the raw pipeline up to searchable (goal ≥ %.1f×): %s", ratio,
                        RAW_PIPELINE_GOAL, ratio >= RAW_PIPELINE_GOAL ? "met" : "not met");
    }

    void write(long kb, int threads, double loadBefore, List<Double> indexTailMs, long parentHeapPeak,
            WorkerPool.Stats stats, long rawTikaRss, long rawPipelineRss) throws IOException {
        double best = DoubleStream.of(median(all.get(2).rates()), median(all.get(3).rates()))
                .filter(r -> !Double.isNaN(r)).max().orElse(Double.NaN);
        Variant lakou = all.get(0);
        Variant raw = all.get(5);
        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n")
                .append(row("files per pass", files + " (normal, office-docx, office-odt; " + kb + " KB)"))
                .append(row("passes", warmPasses + " warm-up + " + timedPasses + " timed rounds, variants interleaved"));
        all.forEach(v -> report.append(v.row()));
        report.append(row("**verdict: default pipeline / raw pipeline, up to searchable (medians)**",
                        "**" + verdict() + "**"))
                .append(row("ratio default pipeline / raw pipeline, up to stored (the ingest call returned)",
                        String.format("%.2f×", median(lakou.rates()) / median(raw.rates()))))
                .append(row("CPU per file, default pipeline / raw pipeline (medians)",
                        String.format("%.2f×", median(lakou.cpuMsPerFile()) / median(raw.cpuMsPerFile()))))
                .append(row("records made per pass (last timed pass): Lakou / raw pipeline",
                        last(lakou.records()) + " / " + last(raw.records())))
                .append(row("ratio default pipeline / best raw Tika, up to stored (medians)",
                        String.format("%.2f×", median(lakou.rates()) / best)))
                .append(row("ratio " + 2 * threads + "-thread pipeline / best raw Tika (medians)",
                        String.format("%.2f×", median(all.get(1).rates()) / best)))
                .append(row("index catching up after a pipeline pass (in the rate up to searchable; its CPU is in "
                        + "the pipeline's)", String.format("median %.0f ms", median(indexTailMs))))
                .append(row("default pipeline: the server JVM's CPU by thread (ms/file, with the index tail)",
                        threads(lakou.threadCpu().msPer((long) timedPasses * files))))
                .append(row("ratio parse workers alone / best raw Tika (medians)",
                        String.format("%.2f×", median(all.get(4).rates()) / best)))
                .append(row("CPU per file, default pipeline / raw Tika 1 thread (medians)", String.format("%.2f×",
                        median(lakou.cpuMsPerFile()) / median(all.get(2).cpuMsPerFile()))))
                .append(row("server heap peak during a pipeline pass (sum of pool peaks, garbage included)",
                        mib(parentHeapPeak)))
                .append(row("server live heap after GC (old generation, end of run)", mib(oldGenAfterGc())))
                .append(row("worker heap peak (max over workers, sum of pool peaks)", mib(stats.maxChildHeapPeakBytes())))
                .append(row("worker peak RSS (max over live workers, VmHWM)", mib(stats.maxChildPeakRssBytes())))
                .append(row("server peak RSS (VmHWM, the test JVM)", mib(peakRss("self"))))
                .append(row("raw Tika JVM / raw pipeline JVM peak RSS (VmHWM)",
                        mib(rawTikaRss) + " / " + mib(rawPipelineRss)))
                .append(row("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + String.format(", load average %.1f before, %.1f after",
                        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())))
                .append(row("date", LocalDate.now().toString()));
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-latest.md"), report);
        System.out.println(report);
        System.out.println("ingest verdict: " + verdict());
    }

    private static String last(List<Integer> xs) {
        return xs.isEmpty() ? "n/a" : xs.get(xs.size() - 1).toString();
    }
}
