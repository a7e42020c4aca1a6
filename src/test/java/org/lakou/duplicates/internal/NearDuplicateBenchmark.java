package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.duplicates.FrenchReports;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a timed test: measures and reports (bench/neardup runs it). The cost the near-duplicate
 * check adds to one ingest with {@code bench.records} (100,000) records already signed: the
 * synchronous part (the signature of a 20-page report computed, written and queued, the queue, its
 * 16 buckets and the candidates read, the links written) and, apart, the background filing of the
 * queued records in their buckets, amortized per record. Against, in the same run: the raw Mongo insert of a record-sized document
 * (what every ingest already pays, several times over) and the signature computation alone.
 * The population's signatures are random (unrelated texts: each band key its own bucket), stored
 * exactly as the service stores them; half the measured reports are near-duplicates of the one
 * before, so the match path (candidate signatures, catalogue read, links) is timed too.
 * Writes bench/out/neardup.md.
 */
@Tag("bench")
class NearDuplicateBenchmark extends IntegrationTestBase {

    private static final int RECORDS = Integer.getInteger("bench.records", 100_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    private static final double BUDGET_MS = 20;
    /** Ingests between two drains of the filing queue: a busy import's second of work. */
    private static final int FILING_EVERY = Integer.getInteger("bench.filingEvery", 20);
    /** A typical report; with one page of 20 changed the pair's resemblance is about 0.9, well over 0.8. */
    private static final int PAGES = 20;

    @Autowired
    NearDuplicateService service;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SearchApi search;
    @Autowired
    BulkRegistration bulk;
    @Autowired
    BandStore bands;
    @Autowired
    PendingFiler pendingFiler;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void checkCostPerIngest() throws Exception {
        long t0 = System.nanoTime();
        populate(RECORDS);
        double populateSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "populated in %.1f s%n", populateSeconds);
        String reads = bucketReads();

        List<String> texts = texts(WARMUP + RUNS);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            records.add(catalogue.create(new RecordFields("Rapport " + i, null, List.of(), null, "2020", "rapport",
                    "fr", null, List.of(), List.of(), null, null)));
        }
        assertThat(search.awaitIndexed(Duration.ofMinutes(10))).as("the indexer idle before measuring").isTrue();
        double[] check = new double[RUNS];
        double[] cpu = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] signature = new double[RUNS];
        int flagged = 0;
        double drainMs = 0;
        double drainCpuMs = 0;
        int drained = 0;
        // the background filer is held so that its drains, timed apart here, stay out of the check's figures
        pendingFiler.lock.lock();
        try {
            for (int i = 0; i < texts.size(); i++) {
                int run = i - WARMUP;
                String text = texts.get(i);
                long cpu0 = OS.getProcessCpuTime();
                long a = System.nanoTime();
                List<NearDuplicate> found = service.register(records.get(i), text);
                long b = System.nanoTime();
                long cpu1 = OS.getProcessCpuTime();
                mongo.insert(new Document("_id", "raw-" + i).append("title", "Rapport " + i)
                        .append("text", text.substring(0, 2000)).append("version", 1L), "bench_raw_inserts");
                long c = System.nanoTime();
                MinHash.signature(text);
                long d = System.nanoTime();
                if (run >= 0) {
                    check[run] = (b - a) / 1e6;
                    cpu[run] = (cpu1 - cpu0) / 1e6;
                    raw[run] = (c - b) / 1e6;
                    signature[run] = (d - c) / 1e6;
                    String previous = i % 2 == 1 ? records.get(i - 1).id() : null;
                    flagged += found.stream().anyMatch(f -> f.id().equals(previous)) ? 1 : 0;
                }
                if ((i + 1) % FILING_EVERY == 0 || i == texts.size() - 1) {
                    long cpu2 = OS.getProcessCpuTime();
                    long e = System.nanoTime();
                    int n = pendingFiler.drain();
                    if (run >= 0) {
                        drainMs += (System.nanoTime() - e) / 1e6;
                        drainCpuMs += (OS.getProcessCpuTime() - cpu2) / 1e6;
                        drained += n;
                    }
                }
            }
        } finally {
            pendingFiler.lock.unlock();
        }
        assertThat(drained).as("every measured record filed by the drains").isGreaterThanOrEqualTo(RUNS - FILING_EVERY);
        assertThat(flagged).as("every second report is a near-duplicate of the one before").isEqualTo(RUNS / 2);
        String filing = String.format(Locale.ROOT, "Background filing, drained every %d ingests (held off the "
                + "measured checks): %,d records filed in %.0f ms wall, %.0f ms process CPU, so %.2f ms wall and %.2f ms "
                + "CPU per record, amortized.", FILING_EVERY, drained, drainMs, drainCpuMs, drainMs / drained,
                drainCpuMs / drained);
        write(populateSeconds, reads + "\n\n" + filing, texts.get(0), check, cpu, raw, signature);
    }

    /** Signatures and buckets of {@code n} unrelated records, through the backfill's bulk path. */
    private void populate(int n) {
        SplittableRandom random = new SplittableRandom(42);
        for (int from = 0; from < n; from += BulkRegistration.MAX_BATCH) {
            Map<String, int[]> batch = new LinkedHashMap<>();
            for (int i = from; i < Math.min(n, from + BulkRegistration.MAX_BATCH); i++) {
                int[] sig = new int[MinHash.HASHES];
                Arrays.setAll(sig, k -> random.nextInt());
                batch.put("bench-" + i, sig);
            }
            bulk.register(batch);
            System.out.printf(Locale.ROOT, "populated %,d records%n", Math.min(n, from + BulkRegistration.MAX_BATCH));
        }
    }

    /**
     * Whether mongo-java-server serves {@code _id $in} from its index (STACK.md: only exact-key
     * equality or {@code $in}; anything else scans): a check's bucket documents read that way, against
     * one query that must scan the whole bucket collection.
     */
    private String bucketReads() {
        SplittableRandom random = new SplittableRandom(7);
        double[] in = new double[50];
        double[] projected = new double[50];
        for (int i = 0; i < in.length; i++) {
            int[] sig = new int[MinHash.HASHES];
            Arrays.setAll(sig, k -> random.nextInt());
            List<String> keys = MinHash.bandKeys(sig);
            List<String> docIds = keys.stream().map(BandStore::docId).toList();
            // which read goes first alternates, so that neither gets the other's warmed pages
            boolean plainFirst = i % 2 == 0;
            int got = plainFirst ? -1 : timedProjected(keys, projected, i);
            long a = System.nanoTime();
            int found = bands.read(docIds).size();
            in[i] = (System.nanoTime() - a) / 1e6;
            assertThat(found).isPositive();
            got = plainFirst ? timedProjected(keys, projected, i) : got;
            assertThat(got).isEqualTo(found);
        }
        long a = System.nanoTime();
        long none = mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("nothing").is("x")), BandStore.BANDS);
        double scan = (System.nanoTime() - a) / 1e6;
        assertThat(none).isZero();
        return String.format(Locale.ROOT, "Bucket read: %d documents by one `_id $in`, p50 %.2f ms, p95 %.2f ms; "
                + "one query that scans the %,d bucket documents: %.0f ms. So `$in` on `_id` %s. The same read "
                + "projected on the %d entries the check needs: p50 %.2f ms, p95 %.2f ms.",
                MinHash.BANDS, pct(in, 50), pct(in, 95), mongo.estimatedCount(BandStore.BANDS), scan,
                pct(in, 50) * 10 < scan ? "is served from the index" : "looks like a scan too", MinHash.BANDS,
                pct(projected, 50), pct(projected, 95));
    }

    /**
     * A probe, not the check's read: the same documents with only the entries a check needs sent
     * back, to see whether a projection makes the wire server's reply cheaper.
     */
    private int timedProjected(List<String> keys, double[] times, int i) {
        org.springframework.data.mongodb.core.query.Query q = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .in(keys.stream().map(BandStore::docId).toList()));
        keys.forEach(key -> q.fields().include("k." + BandStore.entry(key)));
        long a = System.nanoTime();
        int n = mongo.find(q, Document.class, BandStore.BANDS).size();
        times[i] = (System.nanoTime() - a) / 1e6;
        return n;
    }

    /** 20-page reports; each odd one is the even one before with one page changed. */
    private static List<String> texts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            List<String> pages = FrenchReports.report(90_000 + i, PAGES);
            out.add(String.join("\n", pages));
            List<String> changed = new ArrayList<>(pages);
            changed.set(PAGES / 2, FrenchReports.report(190_000 + i, 1).get(0));
            out.add(String.join("\n", changed));
        }
        return out.subList(0, n);
    }

    private void write(double populateSeconds, String reads, String sample, double[] check, double[] cpu, double[] raw,
            double[] sig) throws Exception {
        double p50 = pct(check, 50);
        double p95 = pct(check, 95);
        String verdict = p95 <= BUDGET_MS ? "PASS" : "FAIL";
        String md = String.format(Locale.ROOT, """
                ### Near-duplicate check (bench/neardup)

                %,d records signed (%,d signature and %,d bucket documents, written in %.0f s), then %d
                ingests of a 20-page report (%,d words) measured after %d warm-up ones; half are
                near-duplicates of the report before (one page of 20 changed) and were all flagged.

                | per ingest | p50 ms | p95 ms | mean ms |
                |---|---|---|---|
                | the synchronous check (signature, its write and queueing, queue, %d buckets, candidates, links) | %.2f | %.2f | %.2f |
                | its CPU time, every thread of the process (client and embedded Mongo; counter ticks 10 ms) | %.2f | %.2f | %.2f |
                | raw: one Mongo insert of a record-sized document | %.2f | %.2f | %.2f |
                | raw: the MinHash signature alone | %.2f | %.2f | %.2f |

                %s

                Verdict: the check adds %.2f ms (p95) per ingest at %,d records, budget %.0f ms: %s.
                That is %.1f times a bare insert (p50); the signature is %.0f %% of it. Load average at the end: %s.
                """, RECORDS, RECORDS, mongo.estimatedCount(BandStore.BANDS), populateSeconds, check.length,
                MinHash.words(sample).size(), WARMUP, MinHash.BANDS, p50, p95, mean(check), pct(cpu, 50), pct(cpu, 95), mean(cpu),
                pct(raw, 50), pct(raw, 95), mean(raw),
                pct(sig, 50), pct(sig, 95), mean(sig), reads, p95, RECORDS, BUDGET_MS, verdict, p50 / pct(raw, 50),
                100 * pct(sig, 50) / p50, Files.readString(Path.of("/proc/loadavg")).strip());
        Path out = Path.of("bench/out/neardup.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
