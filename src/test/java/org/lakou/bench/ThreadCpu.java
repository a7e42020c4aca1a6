package org.lakou.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU of this JVM's threads, grouped by name with the numbers taken out ("Lucene Merge Thread #",
 * "pool-#-thread-#"), from /proc: unlike ThreadMXBean it also sees the GC and JIT compiler
 * threads, which are a fair share of a pass. Resolution is a scheduler tick (10 ms) per thread.
 */
final class ThreadCpu {

    private final Map<String, Long> totals = new HashMap<>();
    private Map<Long, Sample> before = Map.of();
    private long processBefore;

    private record Sample(String group, long ticks) {
    }

    void start() throws IOException {
        before = snapshot();
        processBefore = processTicks();
    }

    void stop() throws IOException {
        Map<Long, Sample> after = snapshot();
        long process = processTicks() - processBefore;
        long[] live = {0};
        after.forEach((tid, s) -> {
            Sample b = before.get(tid);
            long delta = s.ticks() - (b == null ? 0 : b.ticks());
            if (delta > 0) {
                totals.merge(s.group(), delta, Long::sum);
                live[0] += delta;
            }
        });
        // a thread that ended during the interval (a pass's pool, a merge) took its counters along
        if (process > live[0]) {
            totals.merge("(threads that ended)", process - live[0], Long::sum);
        }
    }

    /** Milliseconds per unit of work (e.g. per file) by group, largest first. */
    Map<String, Double> msPer(long units) {
        Map<String, Double> out = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() * 10.0 / units));
        return out;
    }

    private static long processTicks() throws IOException {
        return BenchFigures.cpuTicks(Path.of("/proc/self/stat"));
    }

    private static Map<Long, Sample> snapshot() throws IOException {
        Map<Long, Sample> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long ticks = BenchFigures.cpuTicks(t.resolve("stat"));
                    out.put(Long.parseLong(t.getFileName().toString()), new Sample(name.replaceAll("\\d+", "#"), ticks));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return out;
    }
}
