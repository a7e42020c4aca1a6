package org.lakou.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.lakou.ingest.OcrBenchmark.Pass;

/**
 * The OCR benchmark's Markdown: pages per second per round (wall clock, noisy on a shared
 * machine), then CPU seconds per page by process, summed over the rounds. With both cores busy, a
 * side's pages per second is bounded by 2 / its total CPU per page, which load barely changes: the
 * ratio of those bounds is the second, steadier verdict.
 */
final class OcrBenchReport {

    private static final int CORES = 2;

    private OcrBenchReport() {
    }

    static String render(List<Pass> raw, List<Pass> lakou, List<Pass> fed, int pages, int rounds) {
        double rawBest = best(raw);
        double rawCpu = perPage(raw, Part.TESSERACT);
        return String.format(Locale.ROOT, """
                | side | pages/s per round | best | ratio to raw (best rounds) |
                |---|---|---|---|
                | raw `tesseract -l fra+eng` (2 processes) | %s | %.2f | 1 |
                | Lakou upload → worker → Tika/Tesseract (2 workers, 2 threads) | %s | %.2f | %.2f× |
                | the same, 4 threads as a batch import (2 workers) | %s | %.2f | **%.2f×** |

                CPU seconds per page, all rounds (tesseract: the raw side's processes, or those under the \
                workers; server: the test JVM that runs Lakou, for the raw side its idle background and \
                process starts):

                | side | tesseract | worker JVMs | server JVM | total | bound at %d cores (pages/s) | ratio |
                |---|---|---|---|---|---|---|
                %s
                %s
                %s

                CPU seconds per page of the server and worker JVMs, by thread (digits as N; threads that \
                ended within a pass are not listed):

                %s

                goal ≥ 0.9×, %d pages per round, %d rounds
                """, fmt(raw), rawBest, fmt(lakou), best(lakou), best(lakou) / rawBest, fmt(fed), best(fed),
                best(fed) / rawBest, CORES, cpuRow("raw", raw, rawCpu, false),
                cpuRow("Lakou, 2 threads", lakou, rawCpu, true), cpuRow("Lakou, 4 threads", fed, rawCpu, true),
                threadTable(raw, lakou, fed), pages, rounds);
    }

    private enum Part { TESSERACT, WORKERS, SERVER }

    /** The raw side's total is tesseract alone: the command has no JVM around it. */
    private static String cpuRow(String side, List<Pass> passes, double rawCpu, boolean lakou) {
        double tesseract = perPage(passes, Part.TESSERACT);
        double workers = perPage(passes, Part.WORKERS);
        double server = perPage(passes, Part.SERVER);
        double total = lakou ? tesseract + workers + server : tesseract;
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f× |", side, tesseract,
                workers, server, total, CORES / total, rawCpu / total);
    }

    private static double perPage(List<Pass> passes, Part part) {
        double cpu = 0;
        int pages = 0;
        for (Pass p : passes) {
            pages += p.pages();
            cpu += switch (part) {
                // a raw tesseract is a child of the test JVM; Lakou's are children of the workers
                case TESSERACT -> p.cpu().serverChildren() + p.cpu().workerChildren();
                case WORKERS -> p.cpu().workers();
                case SERVER -> p.cpu().server();
            };
        }
        return cpu / pages;
    }

    /** The raw column is the server's background while only tesseract works: what Lakou's passes pay anyway. */
    private static String threadTable(List<Pass> raw, List<Pass> lakou, List<Pass> fed) {
        Map<String, Double> inRaw = perPage(raw);
        Map<String, Double> inLakou = perPage(concat(lakou, fed));
        StringBuilder table = new StringBuilder("| thread | raw passes | Lakou passes |\n|---|---|---|\n");
        inLakou.entrySet().stream().filter(e -> e.getValue() >= 0.002)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(20)
                .forEach(e -> table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", e.getKey(),
                        inRaw.getOrDefault(e.getKey(), 0.0), e.getValue())));
        return table.toString().strip();
    }

    private static Map<String, Double> perPage(List<Pass> passes) {
        Map<String, Double> sum = new HashMap<>();
        int pages = passes.stream().mapToInt(Pass::pages).sum();
        for (Pass p : passes) {
            p.serverThreads().forEach((name, cpu) -> sum.merge(name, cpu / pages, Double::sum));
        }
        return sum;
    }

    private static List<Pass> concat(List<Pass> a, List<Pass> b) {
        List<Pass> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double best(List<Pass> passes) {
        return passes.stream().mapToDouble(Pass::rate).max().orElseThrow();
    }

    private static String fmt(List<Pass> passes) {
        return String.join(", ", passes.stream().map(p -> String.format(Locale.ROOT, "%.2f", p.rate())).toList());
    }
}
