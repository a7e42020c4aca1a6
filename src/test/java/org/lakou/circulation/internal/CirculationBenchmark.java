package org.lakou.circulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.circulation.Policy;
import org.lakou.members.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a timed test: a measurement. 32 HTTP clients act as circulation desks, each checking out and
 * returning its own share of 2,000 copies to 200 members, against the embedded stack (Tomcat,
 * Spring Security with a bearer token, mongo-java-server on H2, Solr). A raw driver baseline
 * (insert/delete of claim documents on 32 threads) runs in the same JVM for comparison. The
 * invariants are checked in Mongo afterwards; results go to target/benchmarks-circulation.md (copy the figures into docs/benchmarks.md).
 * Run: {@code bench/circulation}.
 */
@Tag("bench")
class CirculationBenchmark extends IntegrationTestBase {

    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final int COPIES = 2000;
    static final int MEMBERS = 200;
    static final int QUOTA = 10;
    static final long WARMUP_MS = Long.getLong("bench.warmup", 90_000);
    static final long MEASURE_MS = Long.getLong("bench.duration", 20_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;
    @Autowired
    MongoTemplate mongo;

    record Sample(boolean checkout, int status, long nanos, long at) {
    }

    @Test
    void checkoutsAndReturnsOverHttp() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        circulation.putPolicy(new Policy("*", "document audiovisuel", QUOTA, 14, 2, false));
        List<String> barcodes = new ArrayList<>();
        for (int i = 0; i < COPIES / 5; i++) {
            Record r = f.record("document audiovisuel", 5);
            barcodes.addAll(f.barcodes(r));
        }
        List<String> members = f.members(MEMBERS).stream().map(Member::id).toList();
        String token = documentalist().post("/api/members/me/tokens", Map.of("name", "bench")).json().get("secret")
                .asString();
        TestHttp desk = anonymous().bearer(token);
        // rounds, each with its own raw baseline just before: this machine's speed drifts by tens of
        // per cent from minute to minute, so one window alone says little
        List<Run> rounds = new ArrayList<>();
        List<Baseline> raws = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            raws.add(baseline());
            rounds.add(run(http(desk), barcodes, members, i == 0 ? WARMUP_MS : 5_000, MEASURE_MS));
            returnAll(barcodes);
        }
        // the same load straight on CirculationApi: what HTTP, security and JSON add
        Run direct = run(direct(circulation), barcodes, members, 2_000, 10_000);
        int median = CirculationBenchmarkReport.medianRound(rounds);
        String load = loadAverage();
        Map<String, Object> inv = invariants(barcodes, desk);
        String report = CirculationBenchmarkReport.render(rounds.get(median).samples(), raws.get(median), inv)
                + CirculationBenchmarkReport.cpu(rounds.get(median), raws.get(median))
                + CirculationBenchmarkReport.rounds(rounds, raws, median)
                + String.format("%nThe same load straight on `CirculationApi` (no HTTP, security or JSON; 32 threads, 10 s): "
                        + "**%.0f checkouts/s**, %.2f ms of CPU per operation.%n", direct.checkoutsPerSecond(),
                        direct.cpuMsPerRequest())
                + "\nLoad average (1, 5, 15 min) at the end of the run: " + load
                + " on " + Runtime.getRuntime().availableProcessors() + " cores.\n";
        Files.createDirectories(Path.of("docs"));
        Files.writeString(Path.of("target", "benchmarks-circulation.md"), report);
        System.out.println(report);
        assertThat(inv.get("violations")).isEqualTo(0);
    }

    /** One desk's two operations, answering HTTP-like statuses: over HTTP, or straight on the API. */
    interface Desk {
        int checkout(String barcode, String memberId);

        int checkin(String barcode);
    }

    static Desk http(TestHttp desk) {
        return new Desk() {
            public int checkout(String barcode, String memberId) {
                return desk.post("/api/loans", Map.of("barcode", barcode, "memberId", memberId)).status();
            }

            public int checkin(String barcode) {
                return desk.post("/api/loans/return", Map.of("barcode", barcode)).status();
            }
        };
    }

    static Desk direct(CirculationApi api) {
        return new Desk() {
            public int checkout(String barcode, String memberId) {
                try {
                    api.checkout(barcode, memberId);
                    return 201;
                } catch (org.lakou.shared.ApiException e) {
                    return e.status().value();
                }
            }

            public int checkin(String barcode) {
                try {
                    api.checkin(barcode, false);
                    return 200;
                } catch (org.lakou.shared.ApiException e) {
                    return e.status().value();
                }
            }
        };
    }

    private static List<Sample> desk(Desk desk, List<String> mine, List<String> members, CountDownLatch go,
            long measureFrom, long end) throws InterruptedException {
        go.await();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<String> shelf = new ArrayList<>(mine);
        List<String> out = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        while (System.nanoTime() < end) {
            boolean checkout = out.isEmpty() || (!shelf.isEmpty() && rnd.nextBoolean());
            List<String> from = checkout ? shelf : out;
            String barcode = from.remove(rnd.nextInt(from.size()));
            long t0 = System.nanoTime();
            int status = checkout ? desk.checkout(barcode, members.get(rnd.nextInt(members.size())))
                    : desk.checkin(barcode);
            long t1 = System.nanoTime();
            boolean nowOut = checkout ? status == 201 : status != 200;
            (nowOut ? out : shelf).add(barcode);
            if (t0 >= measureFrom) {
                samples.add(new Sample(checkout, status, t1 - t0, t1));
            }
        }
        return samples;
    }

    private void returnAll(List<String> barcodes) {
        mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(barcodes)), Document.class, "loans")
                .forEach(c -> circulation.checkin(c.getString("_id"), false));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    record Run(List<Sample> samples, long cpuNanos, double seconds) {
        double checkoutsPerSecond() {
            return samples.stream().filter(x -> x.checkout() && x.status() == 201).count() / seconds;
        }

        double cpuMsPerRequest() {
            return cpuNanos / 1e6 / Math.max(1, samples.size());
        }
    }

    private static Run run(Desk desk, List<String> barcodes, List<String> members, long warmupMs, long measureMs)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + warmupMs * 1_000_000L;
        long end = measureFrom + measureMs * 1_000_000L;
        List<Future<List<Sample>>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = c; i < barcodes.size(); i += CLIENTS) {
                mine.add(barcodes.get(i));
            }
            futures.add(pool.submit(() -> desk(desk, mine, members, go, measureFrom, end)));
        }
        go.countDown();
        sleepUntil(measureFrom);
        long cpu0 = cpuNanos();
        sleepUntil(end);
        long cpuUsed = cpuNanos() - cpu0;
        List<Sample> samples = new ArrayList<>();
        for (var fu : futures) {
            samples.addAll(fu.get());
        }
        pool.shutdown();
        return new Run(samples, cpuUsed, measureMs / 1000.0);
    }

    record Baseline(double opsPerSecond, double p99ms, long ops, double cpuMsPerOp) {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** The floor under any checkout: insert then delete an {@code _id}-keyed claim with the raw driver. */
    private Baseline baseline() throws Exception {
        MongoCollection<Document> coll = mongo.getCollection("bench_raw_claims");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long cpu0 = cpuNanos();
        long end = System.nanoTime() + 5_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                    String id = "raw-" + client + "-" + (i++ % 50);
                    long t0 = System.nanoTime();
                    coll.insertOne(new Document("_id", id).append("memberId", "m").append("state", "loan"));
                    coll.deleteOne(new Document("_id", id));
                    lat.add(System.nanoTime() - t0);
                }
                return lat.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (var fu : futures) {
            all.add(fu.get());
        }
        pool.shutdown();
        long cpu = cpuNanos() - cpu0;
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Baseline(lat.length * 2 / 5.0, CirculationBenchmarkReport.p(lat, 0.99) / 1e6, lat.length * 2L,
                cpu / 1e6 / Math.max(1, lat.length * 2L));
    }

    private Map<String, Object> invariants(List<String> barcodes, TestHttp desk) {
        List<Document> claims = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(barcodes)), Document.class, "loans");
        Map<String, Integer> perMember = new HashMap<>();
        claims.forEach(c -> perMember.merge(c.getString("memberId"), 1, Integer::sum));
        List<Document> slots = mongo.findAll(Document.class, "loan_slots");
        Map<String, String> claimLoan = new HashMap<>();
        claims.forEach(c -> claimLoan.put(c.getString("_id"), c.getString("loanId")));
        long slotsForBench = slots.stream().filter(s -> claimLoan.containsKey(s.getString("barcode"))).count();
        long mismatched = slots.stream().filter(s -> claimLoan.containsKey(s.getString("barcode")))
                .filter(s -> !s.getString("loanId").equals(claimLoan.get(s.getString("barcode")))).count();
        long overQuota = perMember.values().stream().filter(n -> n > QUOTA).count();
        // what the record API shows for 200 copies against the claims
        long wrongDisplay = 0;
        for (String recordId : barcodes.subList(0, 200).stream()
                .map(b -> catalogue.findByBarcode(b).orElseThrow().id()).distinct().toList()) {
            for (var cp : desk.get("/api/records/" + recordId).json().get("copies")) {
                String want = claimLoan.containsKey(cp.get("barcode").asString()) ? "on-loan" : "available";
                wrongDisplay += want.equals(cp.get("status").asString()) ? 0 : 1;
            }
        }
        Map<String, Object> inv = new HashMap<>();
        inv.put("loansOut", claims.size());
        inv.put("membersOverQuota", overQuota);
        inv.put("claimsWithoutSlot", claims.size() - slotsForBench);
        inv.put("slotsNotMatchingClaim", mismatched);
        inv.put("wrongDisplayedStatus(200 sampled)", wrongDisplay);
        inv.put("violations", (int) (overQuota + Math.abs(claims.size() - slotsForBench) + mismatched + wrongDisplay));
        return inv;
    }

}
