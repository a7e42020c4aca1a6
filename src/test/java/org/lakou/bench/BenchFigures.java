package org.lakou.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the benchmarks read from /proc and the memory pools, and how they print it. */
final class BenchFigures {

    private BenchFigures() {
    }

    /**
     * One timed pass: its rate, the CPU it took in the process that ran it, and its rate up to
     * searchable where the pass itself waits for the index (NaN otherwise).
     */
    record Pass(double filesPerSecond, long cpuNanos, double searchablePerSecond) {
        Pass(double filesPerSecond, long cpuNanos) {
            this(filesPerSecond, cpuNanos, Double.NaN);
        }
    }

    /** utime + stime in scheduler ticks (100 per second) from a /proc stat file. */
    static long cpuTicks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** VmHWM of a process ("self" or a pid), or -1 once it is gone. */
    static long peakRss(String process) throws IOException {
        Path status = Path.of("/proc", process, "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset: garbage included. */
    static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static long oldGenAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null
                        && p.getName().toLowerCase().contains("old"))
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    /** NaN when there is nothing to take the median of (a variant left out of the run). */
    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static String rates(List<Double> rates) {
        return String.format("median %.1f files/s (passes: %s)", median(rates),
                Arrays.toString(rates.stream().mapToDouble(r -> Math.round(r * 10) / 10.0).toArray()));
    }

    /** The ten largest thread groups, leaving out the ones under 0.05 ms. */
    static String threads(Map<String, Double> msPerFile) {
        return msPerFile.entrySet().stream().filter(e -> e.getValue() >= 0.05).limit(10)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining("; "));
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }

    static String row(String k, String v) {
        return "| " + k + " | " + v + " |\n";
    }
}
