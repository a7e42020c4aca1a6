package org.lakou.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.ops.TwoNodes.admin;
import static org.lakou.ops.TwoNodes.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.circulation.Policy;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.search.SearchApi;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two Lakou application contexts on one MongoDB and one SolrCloud: what one node writes the other
 * finds; one indexer works for both; overdue notices, alert digests and harvests started on both
 * nodes at the same moment happen once (GreenMail's inbox, the harvest run log); and two checkouts
 * of one copy racing through both nodes make one loan.
 */
class TwoNodesTest {

    private static final int SMTP_PORT = TwoNodes.freePort();
    private static final String MEMBER_PASSWORD = "un mot de passe de membre assez long";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private static TwoNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = new TwoNodes(SMTP_PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void twoNodesShareOneCatalogueAndRunEachJobOnce() throws Exception {
        String id = ingestAndPublishOnA("Le tamarinier de la place du marché");
        await(Duration.ofSeconds(60), () -> http(nodes.b).get("/api/search?q=tamarinier").json().get("hits")
                .findValues("id").stream().anyMatch(v -> id.equals(v.asString())));
        await(Duration.ofSeconds(30), () -> indexing(nodes.a) != indexing(nodes.b));

        Member borrower = member("emprunteur");
        String barcode = copyToLend();
        racingCheckouts(barcode, borrower);
        nodes.clock.advance(Duration.ofDays(15)); // one day overdue
        bothAtOnce("org.lakou.circulation.internal.CirculationJobs", "runNotices");
        bothAtOnce("org.lakou.circulation.internal.CirculationJobs", "runNotices");
        assertThat(subjects(borrower.email())).singleElement().asString().startsWith("Retard");

        alertDigestOnce();
        harvestOnce();
    }

    private String ingestAndPublishOnA(String title) {
        byte[] html = ("<html><head><title>" + title + "</title></head><body><p>Un arbre remarquable, planté en 1902,"
                + " abrite les jeux des enfants et le marché du samedi.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        TestHttp.Response r = admin(nodes.a).upload("/api/ingest", "file", "arbre-" + System.nanoTime() + ".html",
                () -> new ByteArrayInputStream(html));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("record").get("id").asString();
        assertThat(admin(nodes.a).post("/api/records/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private static boolean indexing(ConfigurableApplicationContext node) {
        return node.getBean(SearchApi.class).indexStatus().indexing();
    }

    private String copyToLend() {
        nodes.a.getBean(CirculationApi.class).putPolicy(new Policy("*", "revue", 5, 14, 0, false));
        Fixtures f = new Fixtures(nodes.a.getBean(CatalogueApi.class), nodes.a.getBean(MemberApi.class));
        return f.barcodes(f.record("revue", 1)).get(0);
    }

    private void racingCheckouts(String barcode, Member borrower) throws Exception {
        Map<String, String> body = Map.of("barcode", barcode, "memberId", borrower.id());
        List<Integer> statuses = new ArrayList<>();
        List<Callable<TestHttp.Response>> both = List.of(() -> admin(nodes.a).post("/api/loans", body),
                () -> admin(nodes.b).post("/api/loans", body));
        for (Future<TestHttp.Response> r : atOnce(both)) {
            statuses.add(r.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(nodes.b.getBean(CirculationApi.class).loansOf(borrower.id())).hasSize(1);
    }

    private void alertDigestOnce() throws Exception {
        Member reader = member("veille");
        TestHttp.Response alert = http(nodes.b).as(reader.email(), MEMBER_PASSWORD).post("/api/alerts",
                Map.of("name", "Flamboyants", "search", Map.of("q", "flamboyant"), "frequency", "daily"));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        CatalogueApi catalogue = nodes.a.getBean(CatalogueApi.class);
        Record r = catalogue.create(new RecordFields("Les flamboyants du boulevard", null, List.of(), null, "2025",
                "rapport", "fr", null, List.of(), List.of(), null, null));
        catalogue.publish(r.id());
        assertThat(nodes.a.getBean(SearchApi.class).awaitIndexed(Duration.ofSeconds(60))).isTrue();
        nodes.clock.advance(Duration.ofDays(1));
        bothAtOnce("org.lakou.alerts.internal.AlertJobs", "runDigests");
        bothAtOnce("org.lakou.alerts.internal.AlertJobs", "runDigests");
        assertThat(subjects(reader.email())).singleElement().asString().startsWith("Veille");
    }

    /** A source on node A harvesting node B's OAI-PMH; both schedulers tick together. */
    private void harvestOnce() throws Exception {
        TestHttp.Response created = admin(nodes.a).post("/api/harvest/sources", Map.of("name", "Partenaire",
                "baseUrl", TwoNodes.url(nodes.b) + "/oai", "metadataPrefix", "oai_dc", "schedule", "6h"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String runs = "/api/harvest/sources/" + created.json().get("id").asString() + "/runs";
        bothAtOnce("org.lakou.oai.harvest.HarvestScheduler", "tick");
        await(Duration.ofSeconds(60), () -> {
            var list = admin(nodes.b).get(runs).json();
            return list.size() > 0 && list.findValues("status").stream().noneMatch(s -> "RUNNING".equals(s.asString()));
        });
        bothAtOnce("org.lakou.oai.harvest.HarvestScheduler", "tick"); // not due again on either node
        Thread.sleep(2_000);
        List<String> statuses = admin(nodes.a).get(runs).json().findValues("status").stream()
                .map(s -> s.asString()).toList();
        // one run, and no trace of the node that lost the race for it
        assertThat(statuses).containsExactly("SUCCEEDED");
    }

    private Member member(String name) {
        return nodes.a.getBean(MemberApi.class).create(new NewMember(name + "-" + System.nanoTime() + "@deux.test",
                "Membre " + name, "Association", MemberCategory.ASSOCIATION, null, MEMBER_PASSWORD));
    }

    /** The same package-private job method, called on both nodes' beans at the same moment. */
    private static void bothAtOnce(String beanClass, String method) throws Exception {
        Class<?> type = Class.forName(beanClass);
        List<Callable<Object>> calls = List.of(() -> ReflectionTestUtils.invokeMethod(nodes.a.getBean(type), method),
                () -> ReflectionTestUtils.invokeMethod(nodes.b.getBean(type), method));
        for (Future<Object> f : atOnce(calls)) {
            f.get();
        }
    }

    private static <T> List<Future<T>> atOnce(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            return pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> subjects(String email) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            out.add(m.getSubject());
        }
        return out;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + timeout).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
