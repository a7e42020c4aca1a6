package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.RecordStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Lakou in {@code cloud} mode against a real two-node SolrCloud (MiniSolrCloudCluster, with
 * ZooKeeper) holding a two-shard collection. Its own Spring context and data directory; the
 * outage test runs last because it stops the nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SolrCloudSearchTest {

    private static final String COLLECTION = "lakou_cloud";
    private static final Path DATA_DIR = tempDir("cloud-data-");
    private static final MiniSolrCloudCluster CLUSTER = startCluster();

    @LocalServerPort
    int port;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @DynamicPropertySource
    static void cloudProperties(DynamicPropertyRegistry registry) {
        registry.add("lakou.storage.data-dir", DATA_DIR::toString);
        registry.add("lakou.search.mode", () -> "cloud");
        registry.add("lakou.search.zk-hosts", () -> CLUSTER.getZkServer().getZkHost());
        registry.add("lakou.search.zk-chroot", () -> "/solr");
        registry.add("lakou.search.collection", () -> COLLECTION);
        registry.add("lakou.search.poll-interval", () -> "1s");
        registry.add("lakou.search.behind-after", () -> "3s");
        // health details are for staff only
        registry.add("lakou.members.admin-email", () -> "admin@cloud.test");
        registry.add("lakou.members.admin-password", () -> "cloud admin password");
        registry.add("lakou.members.bcrypt-strength", () -> 4);
    }

    @AfterAll
    static void shutDown() throws Exception {
        CLUSTER.shutdown();
    }

    @Test
    @Order(1)
    void searchesAndCountsFacetsAcrossShards() throws Exception {
        String coll = Fixtures.uniqueCollection();
        Fixtures fixtures = new Fixtures(catalogue);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String type = i % 3 == 0 ? "étude" : "rapport";
            String title = i == 0 ? "La médiation sociale" : "Rapport d'activité numéro " + i;
            published.add(fixtures.published(Fixtures.fields(coll, title, type, String.valueOf(2010 + i % 4), "fr",
                    List.of(i % 2 == 0 ? "Dupont, Marie" : "Martin, Paul"), null)).id());
        }
        fixtures.draft(Fixtures.titled(coll, "Brouillon de médiation"));
        catalogue.delete(fixtures.published(Fixtures.titled(coll, "Médiation supprimée")).id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        // the documents really are spread over both shards
        for (String shard : List.of("shard1", "shard2")) {
            long onShard = CLUSTER.getSolrClient().query(COLLECTION,
                    new SolrQuery("collection:\"" + coll + "\"").setRows(0).setParam("shards", shard))
                    .getResults().getNumFound();
            assertThat(onShard).as(shard).isPositive();
        }

        JsonHttp http = new JsonHttp("http://localhost:" + port);
        assertThat(http.ids("q", "médiations", "collection", coll)).containsExactly(published.get(0));
        assertThat(http.ids("q", "l'activite", "collection", coll)).hasSize(11);

        JsonNode body = http.get("/api/search", "collection", coll).body();
        assertThat(body.get("total").asLong()).isEqualTo(12);
        assertThat(JsonHttp.facet(body, "type")).containsExactly(Map.entry("rapport", 8L), Map.entry("étude", 4L));
        assertThat(JsonHttp.facet(body, "year")).containsExactlyInAnyOrderEntriesOf(
                Map.of("2010", 3L, "2011", 3L, "2012", 3L, "2013", 3L));
        assertThat(JsonHttp.facet(body, "creator")).containsExactlyInAnyOrderEntriesOf(
                Map.of("Dupont, Marie", 6L, "Martin, Paul", 6L));
        assertThat(http.ids("collection", coll, "yearFrom", "2012", "size", "100")).hasSize(6);
    }

    @Test
    @Order(2)
    void healthReportsTheCloudCollection() {
        JsonNode solr = new JsonHttp("http://localhost:" + port).as("admin@cloud.test", "cloud admin password")
                .get("/actuator/health").body()
                .get("components").get("solr");
        assertThat(solr.get("status").asString()).isEqualTo("UP");
        assertThat(solr.get("details").get("mode").asString()).isEqualTo("cloud");
        assertThat(solr.get("details").get("collection").asString()).isEqualTo(COLLECTION);
    }

    @Test
    @Order(3)
    void solrDownMidIngestLosesNothingAndHealthSaysBehind() throws Exception {
        JsonHttp http = new JsonHttp("http://localhost:" + port);
        JsonHttp staff = http.as("admin@cloud.test", "cloud admin password");
        String coll = Fixtures.uniqueCollection();
        Fixtures fixtures = new Fixtures(catalogue);
        List<String> ids = new CopyOnWriteArrayList<>();
        CountDownLatch solrStopped = new CountDownLatch(1);
        // the ingest goes on while Solr stops under it: 10 records before, 20 during the outage
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> ingest = writer.submit(() -> {
            for (int i = 0; i < 30; i++) {
                if (i == 10) {
                    awaitLatch(solrStopped);
                }
                ids.add(fixtures.published(Fixtures.titled(coll, "Boulodrome municipal " + i)).id());
            }
            return null;
        });
        awaitTrue(Duration.ofSeconds(30), () -> ids.size() >= 10);
        List<JettySolrRunner> nodes = new ArrayList<>(CLUSTER.getJettySolrRunners());
        for (JettySolrRunner node : nodes) {
            CLUSTER.stopJettySolrRunner(node);
            CLUSTER.waitForJettyToStop(node);
        }
        solrStopped.countDown();
        ingest.get(60, TimeUnit.SECONDS);
        writer.shutdown();

        JsonHttp.Response down = http.get("/api/search", "q", "boulodrome");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        // MongoDB took every write although Solr is gone...
        assertThat(ids).hasSize(30);
        for (String id : ids) {
            assertThat(catalogue.find(id).orElseThrow().status()).isEqualTo(RecordStatus.PUBLISHED);
        }
        // ...the indexer tried, failed and left the work in the outbox, and health says so
        awaitTrue(Duration.ofSeconds(30), () -> search.indexStatus().lastError() != null);
        assertThat(catalogue.pendingIndexWork(10_000)).extracting(IndexWork::recordId).containsAll(ids.subList(10, 30));
        awaitTrue(Duration.ofSeconds(30), () -> "behind".equals(indexing(staff).get("state").asString()));
        JsonNode behind = indexing(staff);
        assertThat(behind.get("backlog").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(behind.get("oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(behind.has("lastError")).isTrue();

        for (JettySolrRunner node : nodes) {
            CLUSTER.startJettySolrRunner(node, true);
        }
        CLUSTER.waitForAllNodes(60);
        CLUSTER.waitForActiveCollection(COLLECTION, 60, TimeUnit.SECONDS, 2, 2);

        // no reindex, no wake-up call: the indexer's own retry must bring all thirty in
        awaitTrue(Duration.ofSeconds(90), () -> {
            JsonHttp.Response r = http.get("/api/search", "q", "boulodrome", "collection", coll, "size", "100");
            return r.status() == 200 && r.body().get("total").asLong() == 30;
        });
        assertThat(http.ids("q", "boulodromes", "collection", coll, "size", "100"))
                .containsExactlyInAnyOrderElementsOf(ids);
        awaitTrue(Duration.ofSeconds(30), () -> catalogue.pendingIndexCount() == 0);
        JsonNode caughtUp = indexing(staff);
        assertThat(caughtUp.get("state").asString()).isEqualTo("caught-up");
        assertThat(caughtUp.get("backlog").asLong()).isZero();
    }

    private static JsonNode indexing(JsonHttp staff) {
        JsonNode indexing = staff.get("/actuator/health").body().get("components").get("indexing");
        assertThat(indexing.get("status").asString()).isEqualTo("UP");
        return indexing.get("details");
    }

    private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("Solr was not stopped");
        }
    }

    private static void awaitTrue(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static MiniSolrCloudCluster startCluster() {
        try {
            MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, tempDir("solrcloud-"))
                    .addConfig("catalogue", Path.of("solr-config/catalogue/conf").toAbsolutePath())
                    .build();
            CollectionAdminRequest.createCollection(COLLECTION, "catalogue", 2, 1).process(cluster.getSolrClient());
            cluster.waitForActiveCollection(COLLECTION, 2, 2);
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("MiniSolrCloudCluster failed to start", e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
