package org.lakou.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds from Linux's {@code /proc/<pid>/stat}: a process's own (user + system) and that of
 * its children once reaped. CPU time is what load on a shared machine inflates least, so the OCR
 * benchmark uses it to say where a page's cost goes, beside the noisy wall-clock rates.
 */
final class ProcCpu {

    /** Linux reports in clock ticks; 100 a second on every kernel Lakou targets ({@code getconf CLK_TCK}). */
    private static final double TICKS = 100.0;

    /** A snapshot: the test JVM (the server), its parse workers, and what the children of each used. */
    record Sample(double server, double serverChildren, double workers, double workerChildren) {

        Sample minus(Sample before) {
            return new Sample(server - before.server, serverChildren - before.serverChildren,
                    workers - before.workers, workerChildren - before.workerChildren);
        }
    }

    private ProcCpu() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    static Sample sample(Collection<Long> workerPids) {
        double[] self = read("self");
        double workers = 0;
        double workerChildren = 0;
        for (long pid : workerPids) {
            double[] w = read(String.valueOf(pid));
            workers += w[0];
            workerChildren += w[1];
        }
        return new Sample(self[0], self[1], workers, workerChildren);
    }

    /**
     * This JVM's CPU seconds by thread name, digits folded ("GC Thread#1" counts as "GC Thread#N"):
     * where the server's share goes, JIT compiler and GC threads included, which a Java profiler
     * does not sample. Linux keeps only the first 15 characters of a thread's name.
     */
    static Map<String, Double> threads() {
        return threads("self", "");
    }

    /** The same for each parse worker, names prefixed with "worker ". */
    static Map<String, Double> threads(Collection<Long> workerPids) {
        Map<String, Double> byName = threads();
        for (long pid : workerPids) {
            threads(String.valueOf(pid), "worker ").forEach((name, cpu) -> byName.merge(name, cpu, Double::sum));
        }
        return byName;
    }

    private static Map<String, Double> threads(String pid, String prefix) {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks.toList()) {
                String comm = read(task.resolve("comm"));
                if (comm != null) {
                    byName.merge(prefix + comm.strip().replaceAll("\\d+", "N"), parse(read(task.resolve("stat")))[0],
                            Double::sum);
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /** {own, children} CPU seconds; zeros for a process that is gone. */
    private static double[] read(String pid) {
        return parse(read(Path.of("/proc", pid, "stat")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null; // the thread or process ended meanwhile
        }
    }

    private static double[] parse(String stat) {
        if (stat == null) {
            return new double[2];
        }
        // the command name may hold spaces and parentheses: fields are counted after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of proc(5) (utime, stime, cutime, cstime) are 11-14 here, counted from field 3
        double own = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        double children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
        return new double[] {own, children};
    }
}
