package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.FixtureScheme;

class SparqlServiceTest {

    private final ThesaurusState state = new ThesaurusState();

    SparqlServiceTest() {
        state.put(Fixtures.state(FixtureScheme.v1(Fixtures.BASE), 1));
    }

    private SparqlService service(Duration timeout, int cap) {
        return new SparqlService(state, Fixtures.props(timeout, cap));
    }

    @Test
    void selectAnswersInJsonOrXml() {
        String q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c WHERE { ?c skos:prefLabel \"Logement\"@fr }";
        var json = service(Duration.ofSeconds(5), 1000).run(q, List.of());
        assertThat(json.contentType()).isEqualTo(SparqlService.JSON);
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains(Fixtures.BASE + "/b");
        var xml = service(Duration.ofSeconds(5), 1000).run(q, List.of(SparqlService.XML));
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<sparql").contains(Fixtures.BASE + "/b");
    }

    @Test
    void resultsAreCapped() {
        var r = service(Duration.ofSeconds(5), 7).run("SELECT * WHERE { ?s ?p ?o } LIMIT 100000", List.of(SparqlService.CSV));
        long rows = new String(r.body(), StandardCharsets.UTF_8).lines().count() - 1;
        assertThat(rows).isEqualTo(7);
    }

    @Test
    void heavyQueriesAreCutByTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> service(Duration.ofMillis(200), 1000)
                .run("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }", List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.title()).isEqualTo("Query timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void updatesAndBadQueriesAreRefused() {
        SparqlService s = service(Duration.ofSeconds(5), 1000);
        assertThatThrownBy(() -> s.run("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.title()).isEqualTo("Update refused"));
        assertThatThrownBy(() -> s.run("SELECT ?x WHERE { ?x ", List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.title()).isEqualTo("Bad query");
                    assertThat(e.properties()).containsKey("line");
                });
    }

    @Test
    void serviceCannotRunEvenWhenTheCheckIsBypassed() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            heard.add(String.valueOf(exchange.getRequestURI()));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        try {
            String endpoint = "http://127.0.0.1:" + listener.getAddress().getPort() + "/sparql";
            Query q = QueryFactory.create("SELECT * WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }");
            SparqlService s = service(Duration.ofSeconds(5), 1000);
            assertThatThrownBy(() -> s.run(q.toString(), List.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.properties()).containsEntry("reason", "service"));
            assertThatThrownBy(() -> s.execute(q, List.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
            Query from = QueryFactory.create("SELECT * FROM <" + endpoint + "> WHERE { ?s ?p ?o } LIMIT 1");
            try {
                s.execute(from, List.of());
            } catch (ApiException refused) {
                assertThat(refused.status().value()).isEqualTo(400);
            }
            assertThat(heard).as("requests that reached the listener").isEmpty();
        } finally {
            listener.stop(0);
        }
    }
}
