package org.lakou.circulation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lakou.circulation.internal.CirculationBenchmark.Baseline;
import org.lakou.circulation.internal.CirculationBenchmark.Run;
import org.lakou.circulation.internal.CirculationBenchmark.Sample;

/** Renders {@link CirculationBenchmark}'s samples as the Markdown of target/benchmarks-circulation.md. */
final class CirculationBenchmarkReport {

    private static final int CLIENTS = CirculationBenchmark.CLIENTS;
    private static final int COPIES = CirculationBenchmark.COPIES;
    private static final int MEMBERS = CirculationBenchmark.MEMBERS;
    private static final int QUOTA = CirculationBenchmark.QUOTA;
    private static final long WARMUP_MS = CirculationBenchmark.WARMUP_MS;
    private static final long MEASURE_MS = CirculationBenchmark.MEASURE_MS;

    private CirculationBenchmarkReport() {
    }

    static String render(List<Sample> samples, Baseline raw, Map<String, Object> inv) {
        double secs = MEASURE_MS / 1000.0;
        long[] co = samples.stream().filter(s -> s.checkout() && s.status() == 201).mapToLong(Sample::nanos).sorted()
                .toArray();
        long[] re = samples.stream().filter(s -> !s.checkout() && s.status() == 200).mapToLong(Sample::nanos)
                .sorted().toArray();
        long[] all = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        long refused = samples.stream().filter(s -> s.checkout() && s.status() == 409).count();
        long errors = samples.stream().filter(s -> s.status() >= 500 || s.status() == 401 || s.status() == 403).count();
        StringBuilder sb = new StringBuilder();
        sb.append("# Circulation benchmark\n\n")
                .append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, by `bench/circulation` (`CirculationBenchmark`).\n\n")
                .append("Load: ").append(CLIENTS).append(" concurrent HTTP clients (desks), each checking out and ")
                .append("returning its own share of ").append(COPIES).append(" copies to ").append(MEMBERS)
                .append(" members (quota ").append(QUOTA).append("), bearer-token authentication, embedded stack ")
                .append("(Tomcat, mongo-java-server on an H2 file, embedded Solr, audit log on). ")
                .append(WARMUP_MS / 1000).append(" s warm-up, then ").append(CirculationBenchmark.ROUNDS)
                .append(" rounds of ").append(MEASURE_MS / 1000).append(" s measured (5 s warm-up between them), each after ")
                .append("its own raw baseline.\n\n")
                .append("| operation | count | per second | p50 ms | p99 ms |\n|---|---|---|---|---|\n")
                .append(row("checkout (201)", co, secs)).append(row("return (200)", re, secs))
                .append(row("all requests", all, secs))
                .append(String.format("| raw driver insert+delete of a claim (32 threads, 5 s) | %d | %.0f | | %.2f |%n",
                        raw.ops(), raw.opsPerSecond(), raw.p99ms()))
                .append("\nRefused checkouts (409, e.g. quota-reached): ").append(refused)
                .append("; 401/403/5xx: ").append(errors).append(".\n\n")
                .append("Invariants checked in Mongo after the run: ").append(inv).append(".\n\n")
                .append("Goal: at least 500 checkouts/s with zero invariant violations: ")
                .append(co.length / secs >= 500 && ((Integer) inv.get("violations")) == 0 ? "**met**" : "**not met**")
                .append(".\n");
        return sb.toString();
    }

    /** The round with the median checkout rate, whose samples the main table shows. */
    static int medianRound(List<Run> rounds) {
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, rounds.size()).boxed().toList());
        order.sort(java.util.Comparator.comparingDouble(i -> rounds.get(i).checkoutsPerSecond()));
        return order.get(order.size() / 2);
    }

    static String cpu(Run run, Baseline raw) {
        double perRequest = run.cpuMsPerRequest();
        return String.format("%nCPU time of the whole JVM (server, embedded MongoDB and Solr, and the %d HTTP clients) "
                + "during that round: %.0f ms for %d requests, i.e. **%.2f ms of CPU per request**; at that cost two idle "
                + "cores would serve about %.0f requests/s (%.0f checkouts/s with as many returns). The raw baseline "
                + "used %.3f ms of CPU per insert or delete.%n", CLIENTS, run.cpuNanos() / 1e6, run.samples().size(),
                perRequest, 2000.0 / perRequest, 1000.0 / perRequest, raw.cpuMsPerOp());
    }

    static String rounds(List<Run> rounds, List<Baseline> raws, int median) {
        StringBuilder sb = new StringBuilder(String.format("%nAll %d rounds (the table shows round %d, the median):%n%n",
                rounds.size(), median + 1));
        sb.append("| round | checkouts/s | CPU ms per request | raw baseline ops/s | raw CPU ms per op |\n|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            sb.append(String.format("| %d | %.0f | %.2f | %.0f | %.3f |%n", i + 1, rounds.get(i).checkoutsPerSecond(),
                    rounds.get(i).cpuMsPerRequest(), raws.get(i).opsPerSecond(), raws.get(i).cpuMsPerOp()));
        }
        return sb.toString();
    }

    private static String row(String name, long[] sorted, double secs) {
        return String.format("| %s | %d | %.0f | %.2f | %.2f |%n", name, sorted.length, sorted.length / secs,
                p(sorted, 0.50) / 1e6, p(sorted, 0.99) / 1e6);
    }

    static long p(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
