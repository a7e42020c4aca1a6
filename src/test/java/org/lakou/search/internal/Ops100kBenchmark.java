package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.sun.management.OperatingSystemMXBean;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.backup.BackupApi;
import org.lakou.backup.BackupInfo;
import org.lakou.backup.internal.BackupBench;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.ImportedRecord;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchParameters;
import org.lakou.search.SearchProperties;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a timed test: {@code bench/ops100k}. Issue 17's measures at 100,000 records (bench.records),
 * each against a raw baseline in the same run: a full reindex from MongoDB against plain SolrJ
 * indexing the same records into a second core, search at 1 and 16 clients against the same Solr
 * requests sent straight to Solr, and a backup and its restore against a raw dump and reload.
 * Prints phase times and one verdict table, written to bench/out/ops100k-latest.md.
 */
@Tag("bench")
class Ops100kBenchmark extends IntegrationTestBase {

    private static final int RECORDS = Integer.getInteger("bench.records", 100_000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 250);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CLIENTS = 16;
    private static final int PER_CLIENT = Integer.getInteger("bench.perClient", 40);
    private static final String RAW_CORE = "bench_raw";
    private static final long HEAP_SLACK = 128L << 20;
    /** The reindex empties the index anyway: by default the import runs with indexing paused. */
    private static final boolean FIRST_INDEXING = Boolean.getBoolean("bench.firstIndexing");
    private static final String BENCH_HOLDER = "ops100k-benchmark";
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", Math.min(RECORDS, 1_500));
    /** -Dbench.phases=reindex runs only the reindex pair, for larger sizes on a busy machine. */
    private static final String PHASES = System.getProperty("bench.phases", "reindex,search,backup");

    @Autowired CatalogueApi catalogue;
    @Autowired SearchApi search;
    @Autowired ThesaurusApi thesaurus;
    @Autowired SolrConnection solr;
    @Autowired SearchProperties props;
    @Autowired QueryExpander expander;
    @Autowired BackupApi backups;
    @Autowired MongoTemplate mongo;
    @Autowired MongoClient mongoClient;

    private final StringBuilder phases = new StringBuilder();
    private final StringBuilder verdicts = new StringBuilder();
    private long phaseStart = System.nanoTime();
    private boolean allMet = true;

    @Test
    void operationsAt100k() throws Exception {
        List<Concept> subjects = thesaurus.allConcepts().stream().filter(c -> !c.local())
                .filter(c -> c.uri().contains("/thematique/")).toList();
        List<String> territories = thesaurus.allConcepts().stream().map(Concept::uri)
                .filter(u -> u.contains("/territoires/")).toList();
        generate(new Ops100kCorpus(972, subjects, territories));
        reindex();
        if (PHASES.contains("search")) {
            search(subjects);
        }
        if (PHASES.contains("backup")) {
            backup();
        }
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String report = "# Operations at " + String.format(Locale.ROOT, "%,d", RECORDS) + " records\n\n"
                + "load average at the end: " + load + "; cores: " + Runtime.getRuntime().availableProcessors()
                + "\n\n## Phases\n\n" + phases + "\n## Verdicts\n\n| measure | goal | Lakou | raw | ratio | verdict |\n"
                + "|---|---|---|---|---|---|\n" + verdicts;
        Path out = Path.of("bench", "out", "ops100k-latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void generate(Ops100kCorpus corpus) throws Exception {
        if (!FIRST_INDEXING) {
            holdIndexerLease();
        }
        long genNanos = 0;
        long insertNanos = 0;
        long chars = 0;
        for (int done = 0; done < RECORDS; ) {
            long t = System.nanoTime();
            List<ImportedRecord> batch = corpus.next(Math.min(1_000, RECORDS - done));
            long t1 = System.nanoTime();
            catalogue.importWithTexts(batch, true);
            insertNanos += System.nanoTime() - t1;
            genNanos += t1 - t;
            chars += batch.stream().mapToLong(r -> r.text().length()).sum();
            done += batch.size();
        }
        phase(String.format(Locale.ROOT, "generate %,d records (%.0f chars of text each): %.1f s; insert through "
                + "CatalogueApi.importWithTexts, 1,000 per batch: %.1f s (%,.0f records/s)", RECORDS,
                (double) chars / RECORDS, genNanos / 1e9, insertNanos / 1e9, RECORDS / (insertNanos / 1e9)));
        if (FIRST_INDEXING) {
            assertThat(search.awaitIndexed(Duration.ofHours(2))).isTrue();
            phase("first indexing (the outbox drained after the import)");
        }
    }

    /**
     * Another "node" holds the indexer lease during the import, so the indexer leaves the outbox alone:
     * the records are indexed once, by the timed reindex. The records then have no index stamps and no
     * OAI set histories yet, so that reindex also writes those (a little more work than a reindex of an
     * indexed catalogue).
     */
    private void holdIndexerLease() {
        Document lease = new Document("_id", RecordIndexer.LEASE).append("holder", BENCH_HOLDER)
                .append("until", Date.from(Instant.now().plus(Duration.ofHours(24))));
        mongo.getCollection("job_leases").replaceOne(new Document("_id", RecordIndexer.LEASE), lease,
                new ReplaceOptions().upsert(true));
    }

    /**
     * Both sides run the same Solr and Lucene code, which the first side to run would otherwise compile
     * for both: the JIT warms up on a throw-away core first, untimed.
     */
    private void warmUp(EmbeddedSolrServer server) throws Exception {
        server.getCoreContainer().create("bench_warm", Map.of("configSet", "catalogue",
                "property.lakou.solr.updateLog", "false"));
        long n = new RawIndexer(mongo.getDb(), server, "bench_warm", props.batchSize(), thesaurus).run(WARM_UP);
        server.getCoreContainer().unload("bench_warm", true, true, true);
        phase(String.format(Locale.ROOT, "JIT warm-up: %,d records into a throw-away core (untimed)", n));
    }

    private void reindex() throws Exception {
        EmbeddedSolrServer server = (EmbeddedSolrServer) solr.client();
        warmUp(server);
        search.clearIndex();
        mongo.getCollection("job_leases").deleteOne(new Document("_id", RecordIndexer.LEASE).append("holder", BENCH_HOLDER));
        double lakou;
        HeapSampler lakouHeap;
        String loadBefore = loadAverage();
        long cpu = processCpuNanos();
        int queued;
        try (HeapSampler heap = new HeapSampler(5_000)) {
            lakouHeap = heap;
            long t = System.nanoTime();
            queued = search.reindex();
            assertThat(search.awaitIndexed(Duration.ofHours(2))).isTrue();
            lakou = queued / ((System.nanoTime() - t) / 1e9);
        }
        double lakouCpu = (processCpuNanos() - cpu) / 1e6 / queued;
        assertThat(search.indexStatus().documents()).isGreaterThanOrEqualTo((long) RECORDS);
        phase(String.format(Locale.ROOT, "Lakou reindex (SearchApi.reindex, as `reindex` runs it): %,.0f docs/s; "
                + "process CPU %.1f ms/doc; load average before %s, after %s; live heap %s", lakou, lakouCpu,
                loadBefore, loadAverage(), lakouHeap.describe()));
        long copied = RawIndexer.copyExtras(solr.client(), solr.collection(), mongo.getDb());
        phase(String.format(Locale.ROOT, "copied the %s fields of %,d Lakou documents into %s (untimed)",
                RawIndexer.EXTRA, copied, RawIndexer.EXTRA_COLLECTION));
        server.getCoreContainer().create(RAW_CORE, Map.of("configSet", "catalogue",
                "property.lakou.solr.updateLog", "false"));
        RawIndexer raw = new RawIndexer(mongo.getDb(), server, RAW_CORE, props.batchSize(), thesaurus);
        double rawRate;
        HeapSampler rawHeap;
        loadBefore = loadAverage();
        cpu = processCpuNanos();
        long n;
        try (HeapSampler heap = new HeapSampler(5_000)) {
            rawHeap = heap;
            long t = System.nanoTime();
            n = raw.run();
            rawRate = n / ((System.nanoTime() - t) / 1e9);
        }
        double rawCpu = (processCpuNanos() - cpu) / 1e6 / n;
        mongo.getDb().getCollection(RawIndexer.EXTRA_COLLECTION).drop();
        phase(String.format(Locale.ROOT, "raw SolrJ indexing into core %s: %,.0f docs/s; process CPU %.1f ms/doc; "
                + "load average before %s, after %s; live heap %s; %s", RAW_CORE, rawRate, rawCpu, loadBefore,
                loadAverage(), rawHeap.describe(),
                RawIndexer.compare(solr.client(), solr.collection(), RAW_CORE)));
        verdict("full reindex, docs/s (batch " + props.batchSize() + "; Lakou reads the next batch while Solr "
                + "indexes one, raw 1 thread)", ">= 0.80x", lakou, rawRate, lakou / rawRate, lakou / rawRate >= 0.8,
                "%,.0f");
        verdict("full reindex, process CPU ms/doc", "(no goal)", lakouCpu, rawCpu, lakouCpu / rawCpu, true, "%.1f");
        boolean flat = lakouHeap.flat(HEAP_SLACK);
        verdict("reindex live heap, MiB (start/peak/end)", "flat (2nd half peak <= 1st half peak + 128 MiB)",
                lakouHeap.peak() >> 20, rawHeap.peak() >> 20, (double) lakouHeap.peak() / rawHeap.peak(), flat,
                "%,.0f");
        verdicts.append("|  | Lakou " + lakouHeap.describe() + "; raw " + rawHeap.describe() + " | | | | |\n");
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private void search(List<Concept> subjects) throws Exception {
        List<SearchLoad.Query> qs = new ArrayList<>();
        for (SearchParameters p : SearchLoad.querySet(QUERIES, subjects, 17)) {
            qs.add(SearchLoad.prepare(baseUrl(), p, expander));
        }
        var http = java.net.http.HttpClient.newHttpClient();
        SearchLoad.Call lakou = i -> SearchLoad.get(http, qs.get(i % qs.size()).url());
        SearchLoad.Call raw = i -> solr.client().query(solr.collection(), qs.get(i % qs.size()).raw());
        SearchLoad.interleaved(Math.min(100, qs.size()), lakou, raw);
        double[][] m = SearchLoad.interleaved(qs.size() * ROUNDS, lakou, raw);
        double l99 = SearchLoad.pct(m[0], 99);
        double r99 = SearchLoad.pct(m[1], 99);
        phase(String.format(Locale.ROOT, "search, 1 client: %d different queries x %d rounds, interleaved; "
                + "Lakou p50 %.1f / p95 %.1f / p99 %.1f ms; raw p50 %.1f / p95 %.1f / p99 %.1f ms; "
                + "sample raw request: `%s`", qs.size(), ROUNDS, SearchLoad.pct(m[0], 50), SearchLoad.pct(m[0], 95),
                l99, SearchLoad.pct(m[1], 50), SearchLoad.pct(m[1], 95), r99, qs.get(2).raw()));
        verdict("search, 1 client, p99 ms", "<= 1.25x", l99, r99, l99 / r99, l99 / r99 <= 1.25, "%.1f");
        double l1 = SearchLoad.throughput(CLIENTS, PER_CLIENT, lakou);
        double r1 = SearchLoad.throughput(CLIENTS, PER_CLIENT, raw);
        double l2 = SearchLoad.throughput(CLIENTS, PER_CLIENT, lakou);
        double r2 = SearchLoad.throughput(CLIENTS, PER_CLIENT, raw);
        double lq = (l1 + l2) / 2;
        double rq = (r1 + r2) / 2;
        phase(String.format(Locale.ROOT, "search, %d clients x %d queries, Lakou/raw/Lakou/raw: %.1f / %.1f / %.1f / "
                + "%.1f queries/s", CLIENTS, PER_CLIENT, l1, r1, l2, r2));
        verdict("search, 16 clients, queries/s", ">= 0.80x", lq, rq, lq / rq, lq / rq >= 0.8, "%.1f");
    }

    private void backup() throws Exception {
        long t = System.nanoTime();
        BackupInfo info = backups.create();
        double backupS = (System.nanoTime() - t) / 1e9;
        assertThat(info.checksumOk()).isTrue();
        assertThat(info.records()).isGreaterThanOrEqualTo(RECORDS);
        MongoDatabase target = mongoClient.getDatabase("ops100k_restore");
        target.drop();
        t = System.nanoTime();
        Map<String, Long> written = BackupBench.restore(target, Path.of(info.path()));
        double restoreS = (System.nanoTime() - t) / 1e9;
        assertThat(written.get("records")).isEqualTo(info.records());
        target.drop();
        Path dump = Files.createTempFile(Path.of("target").toAbsolutePath(), "ops100k-raw-", ".bson.gz");
        MongoDatabase rawTarget = mongoClient.getDatabase("ops100k_rawrestore");
        rawTarget.drop();
        t = System.nanoTime();
        long docs = BackupBench.rawDump(mongo.getDb(), dump);
        double dumpS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        assertThat(BackupBench.rawRestore(rawTarget, dump)).isEqualTo(docs);
        double rawRestoreS = (System.nanoTime() - t) / 1e9;
        long dumpSize = Files.size(dump);
        rawTarget.drop();
        Files.delete(dump);
        Files.delete(Path.of(info.path()));
        phase(String.format(Locale.ROOT, "backup (BackupApi.create, verified): %.1f s, %,d MiB, %,d records; restore "
                + "(the restore command's Restorer, checksums first, into an empty database): %.1f s; raw dump of the "
                + "same collections (BSON, gzip): %.1f s, %,d MiB, %,d documents; raw reload: %.1f s", backupS,
                info.size() >> 20, info.records(), restoreS, dumpS, dumpSize >> 20, docs, rawRestoreS));
        verdict("backup, s", "time and size (no goal)", backupS, dumpS, backupS / dumpS, true, "%.1f");
        verdict("backup size, MiB", "time and size (no goal)", info.size() >> 20, dumpSize >> 20,
                (double) info.size() / dumpSize, true, "%,.0f");
        verdict("restore (before the reindex), s", "time and size (no goal)", restoreS, rawRestoreS,
                restoreS / rawRestoreS, true, "%.1f");
    }

    private void verdict(String what, String goal, double lakou, double raw, double ratio, boolean met, String fmt) {
        allMet &= met;
        verdicts.append(String.format(Locale.ROOT, "| %s | %s | " + fmt + " | " + fmt + " | %.2fx | %s |%n", what, goal,
                lakou, raw, ratio, goal.contains("no goal") ? "measured" : met ? "met" : "NOT MET"));
    }

    private void phase(String what) {
        long now = System.nanoTime();
        String line = String.format(Locale.ROOT, "- [%.1f s] %s%n", (now - phaseStart) / 1e9, what);
        phaseStart = now;
        phases.append(line);
        System.out.print("ops100k: " + line);
    }
}
