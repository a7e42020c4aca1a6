package org.lakou.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.TestHttp;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of the real jar in the middle of a 200-file batch import, a restart on the same data, and
 * the same import again. Afterwards every file is exactly one record, no stored file or claim is
 * left dangling, the outbox is empty and Solr holds as many documents as MongoDB holds records.
 * The store is read directly (the jar stopped, its H2 file opened here) so nothing the API hides
 * can escape the count.
 */
class CrashRecoveryIT {

    private static final int FILES = 200;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void killedMidBatchThenImportedAgainLeavesExactlyOneRecordPerFile() throws Exception {
        Path importRoot = Files.createDirectories(work.resolve("import"));
        Set<String> shas = writeDocuments(importRoot);
        Path data = work.resolve("data");
        String[] args = {"--lakou.storage.data-dir=" + data, "--lakou.ingest.import-roots=" + importRoot,
            "--lakou.ingest.batch-threads=4", "--lakou.members.bcrypt-strength=4"};

        int processedAtKill;
        try (LakouJar first = new LakouJar(work.resolve("run1"), args).start()) {
            String job = startImport(first, importRoot);
            processedAtKill = awaitProcessed(first, job, 30);
            first.kill();
        }
        assertThat(processedAtKill).as("killed mid-batch, not after it").isLessThan(FILES);

        long solrDocuments;
        // A long parse timeout on the restarted node: before claims named their node, it waited
        // 2 x parse-timeout + 1 min (21 min here) for the killed node's claims, far past awaitDone's
        // deadline, while a claim whose node stopped beating is now taken over within seconds.
        String[] restart = Stream.concat(Stream.of(args), Stream.of("--lakou.ingest.parse-timeout=10m"))
                .toArray(String[]::new);
        try (LakouJar second = new LakouJar(work.resolve("run2"), restart).start()) {
            String job = startImport(second, importRoot);
            JsonNode done = awaitDone(second, job);
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.get("total").asInt()).isEqualTo(FILES);
            assertThat(done.get("imported").asInt() + done.get("duplicates").asInt()).as(done.toString())
                    .isEqualTo(FILES);
            // the index converges: the outbox drains, and documents whose record the crash lost are swept
            await(Duration.ofSeconds(90), () -> second.health("indexing").get("details").get("backlog").asLong() == 0
                    && second.health("solr").get("details").get("documents").asLong() == FILES);
            solrDocuments = second.health("solr").get("details").get("documents").asLong();
        }

        MongoServer server = new MongoServer(KeyOrderedH2Backend.open(data.resolve("mongo/lakou.mv").toString(), 32));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + bind(server))) {
            checkStore(client, shas, solrDocuments);
        } finally {
            server.shutdownNow();
        }
    }

    private static void checkStore(MongoClient client, Set<String> shas, long solrDocuments) {
        MongoDatabase db = client.getDatabase("lakou");
        Map<String, Integer> recordsPerFile = new HashMap<>();
        long records = 0;
        for (Document r : db.getCollection("records").find().batchSize(100)) {
            records++;
            for (Document f : r.getList("files", Document.class)) {
                recordsPerFile.merge(f.getString("_id") != null ? f.getString("_id") : f.getString("id"), 1,
                        Integer::sum);
            }
        }
        assertThat(recordsPerFile.keySet()).containsExactlyInAnyOrderElementsOf(shas);
        assertThat(recordsPerFile.values()).as("records per file").containsOnly(1);
        assertThat(records).isEqualTo(FILES);

        Set<String> quarantined = new HashSet<>();
        db.getCollection("quarantine").find().forEach(q -> quarantined.add(q.getString("sha256")));
        for (Document f : db.getCollection("files.files").find()) {
            String sha = f.getString("_id");
            assertThat(recordsPerFile.containsKey(sha) || quarantined.contains(sha))
                    .as("stored file %s is referenced", sha).isTrue();
        }
        Set<String> stored = new HashSet<>();
        db.getCollection("files.files").find().forEach(f -> stored.add(f.getString("_id")));
        db.getCollection("files.chunks").find().batchSize(50)
                .forEach(c -> assertThat(stored).as("chunk %s has its file", c.get("_id")).contains(c.getString("files_id")));
        for (Document claim : db.getCollection("file_index").find()) {
            assertThat(claim.getString("recordId") != null || claim.getBoolean("quarantined", false))
                    .as("no dangling claim: %s", claim.toJson()).isTrue();
        }
        assertThat(db.getCollection("index_queue").countDocuments()).as("outbox drained").isZero();
        assertThat(solrDocuments).as("Solr's count equals MongoDB's").isEqualTo(records);
    }

    /** 200 small HTML pages in French, each different, so each is a new file. */
    private static Set<String> writeDocuments(Path dir) throws Exception {
        Set<String> shas = new HashSet<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < FILES; i++) {
            String html = "<html><head><title>Compte rendu de la réunion " + i + "</title></head><body><p>"
                    + "La commission " + i + " du centre de ressources a examiné le jardin partagé, la médiation "
                    + "sociale et l'accueil des familles du quartier numéro " + (i * 7919 % 1000) + ".</p></body></html>";
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format("reunion-%03d.html", i)), bytes);
            shas.add(HexFormat.of().formatHex(sha256.digest(bytes)));
        }
        return shas;
    }

    private static String startImport(LakouJar jar, Path root) {
        TestHttp.Response r = jar.admin().post("/api/ingest/batch", Map.of("directory", root.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    private static int awaitProcessed(LakouJar jar, String job, int atLeast) throws InterruptedException {
        // generous: the first files wait for parse worker JVMs to start, slow on a crowded machine
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            int processed = processed(jar.admin().get("/api/ingest/jobs/" + job).json());
            if (processed >= atLeast) {
                return processed;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the batch did not get going; see " + jar.log());
    }

    private static JsonNode awaitDone(LakouJar jar, String job) throws InterruptedException {
        // generous for a crowded machine, yet far below the 21 min the old code waited (see above)
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode j = jar.admin().get("/api/ingest/jobs/" + job).json();
            if (!"RUNNING".equals(j.get("state").asString())) {
                return j;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second import did not finish within 600 s (a dead node's claims block it?)");
    }

    private static int processed(JsonNode job) {
        int n = job.get("imported").asInt() + job.get("duplicates").asInt() + job.get("failed").asInt();
        for (JsonNode q : job.get("quarantined")) {
            n += q.asInt();
        }
        return n;
    }

    private static void await(Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static int bind(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }
}
