package org.lakou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.ingest.TestFiles;
import org.lakou.members.MemberCategory;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The round trip: a backup written through the API from the running test server, restored by
 * {@code lakou restore} into a brand-new data folder, then started as a second server. Every
 * collection the backup covers (the stored files' chunks, bytes included) is compared document by
 * document, and a set of searches gives the same hits, anonymous and staff.
 */
class BackupRestoreTest extends IntegrationTestBase {

    /** Fields the restored server's own indexing rewrites: when it indexed, not what. */
    private static final List<String> INDEXING_FIELDS = List.of("indexedVersion");

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    CirculationApi circulation;

    @Autowired
    SearchApi search;

    @Autowired
    MongoTemplate mongo;

    @TempDir
    Path tmp;

    @Test
    void aBackupRestoredIntoAnEmptyFolderHoldsTheSameDataAndFindsTheSameRecords() throws IOException {
        String token = seed();
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        // before the request: its own audit entry is written once it has answered, after the backup
        Map<String, List<BsonDocument>> before = snapshot(mongo);
        TestHttp.Response created = admin().post("/api/admin/backups", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = created.json().get("path").asString();
        assertThat(created.header("Location")).endsWith("/api/admin/backups/" + created.json().get("name").asString());
        assertThat(created.json().get("checksumOk").asBoolean()).isTrue();
        List<String> queries = List.of("", "médiation", token, "politique de la ville", "Guide");
        Map<String, String> hitsBefore = searches(this::baseUrl, queries);

        Path fresh = tmp.resolve("restored");
        assertThat(CliLauncher.run(new String[] {"restore", path, "--lakou.storage.data-dir=" + fresh})).isZero();

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(LakouApplication.class)
                .properties(Map.of("spring.main.banner-mode", "off"))
                .run("--server.port=0", "--lakou.storage.data-dir=" + fresh, "--lakou.circulation.jobs-enabled=false",
                        "--lakou.members.bcrypt-strength=4")) {
            Map<String, List<BsonDocument>> after = snapshot(restored.getBean(MongoTemplate.class));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((collection, docs) -> assertThat(after.get(collection))
                    .as("collection %s after the restore", collection).isEqualTo(docs));
            assertThat(before.get("files.chunks")).as("stored files were compared").isNotEmpty();
            assertThat(before.get("loans")).as("loans were compared").isNotEmpty();
            int port = ((WebServerApplicationContext) restored).getWebServer().getPort();
            assertThat(searches(() -> "http://localhost:" + port, queries)).isEqualTo(hitsBefore);
        }
    }

    /** A record from an uploaded PDF (text and stored file), records with copies on loan and held, a request with a file, an alert. */
    private String seed() throws IOException {
        String token = "sauvegarde" + TestFiles.token();
        Path pdf = TestFiles.textPdf(tmp.resolve("rapport.pdf"), "Rapport " + token, "Marie Dupont",
                List.of(TestFiles.FRENCH, token));
        TestHttp.Response up = documentalist().upload("/api/ingest", "file", pdf);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Fixtures f = new Fixtures(catalogue, memberApi);
        for (int i = 0; i < 3; i++) {
            var r = f.record("book", 2);
            circulation.checkout(f.barcodes(r).get(0), memberId(MEMBER));
            circulation.placeHold(r.id(), f.member(MemberCategory.ETAT).id(), null);
        }
        TestHttp.Response request = member().post("/api/requests", Map.of("subject", "Sauvegarde " + token,
                "description", "Les textes de la politique de la ville", "expected", List.of("references")));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        TestHttp.Response file = documentalist().upload("/api/requests/" + request.json().get("id").asString()
                + "/files", "file", "notes.txt", () -> new java.io.ByteArrayInputStream(
                        ("Notes " + token).getBytes(StandardCharsets.UTF_8)));
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        TestHttp.Response alert = member().post("/api/alerts", Map.of("name", "Veille " + token, "concepts",
                List.of("https://w3id.org/lakou/thesaurus/thematique/cohesion-sociale"), "frequency", "weekly"));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        return token;
    }

    /** Every backed-up collection's documents, sorted by {@code _id}, without what reindexing rewrites. */
    private static Map<String, List<BsonDocument>> snapshot(MongoTemplate m) {
        Map<String, List<BsonDocument>> out = new TreeMap<>();
        for (String c : m.getCollectionNames()) {
            if (c.startsWith("system.") || List.of("index_queue", "index_feed_inflight", "job_leases",
                    "login_throttle", "password_resets", "app_nodes", "desk_uploads", "near_dup_signatures",
                    "near_dup_buckets", "near_dup_bands", "near_dup_pending").contains(c)) {
                continue;
            }
            List<BsonDocument> docs = new ArrayList<>();
            // chunks are up to 255 KB each: small batches keep a reply under the wire limit (48 MB),
            // and each chunk's bytes are compared by their SHA-256 to keep the suite's files out of memory
            boolean chunks = c.endsWith(".chunks");
            for (BsonDocument d : m.getDb().getCollection(c, BsonDocument.class).find().batchSize(chunks ? 16 : 500)) {
                INDEXING_FIELDS.forEach(d::remove);
                if (chunks && d.isBinary("data")) {
                    d.put("data", new org.bson.BsonString(sha256(d.getBinary("data").getData())));
                }
                docs.add(d);
            }
            docs.sort((a, b) -> a.get("_id").toString().compareTo(b.get("_id").toString()));
            if (!docs.isEmpty()) { // a restore creates no collection for an empty one
                out.put(c, docs);
            }
        }
        return out;
    }

    /** For each query, the total and the set of hit ids, anonymous and as staff. */
    private Map<String, String> searches(java.util.function.Supplier<String> base, List<String> queries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String q : queries) {
            String url = "/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            for (boolean staff : List.of(false, true)) {
                TestHttp who = staff ? new TestHttp(base.get()).as(DOCUMENTALIST, PASSWORD) : new TestHttp(base.get());
                TestHttp.Response r = who.get(url);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode body = r.json();
                out.put((staff ? "staff " : "anonymous ") + url,
                        body.get("total").asLong() + " " + new java.util.TreeSet<>(body.get("hits").valueStream()
                                .map(h -> h.get("id").asString()).toList()));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
