package org.lakou.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;

/**
 * The public SPARQL endpoint must never make the server fetch anything: a real listener on this
 * machine stands for an internal service, and every federated or remote-loading query sent to it,
 * by every protocol form, is refused with a 400 before it runs, while the listener hears nothing.
 */
class SparqlRemoteAccessTest extends IntegrationTestBase {

    private HttpServer listener;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private String target;

    @BeforeEach
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            heard.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "<http://x/s> <http://x/p> <http://x/o> .\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/turtle");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        target = "http://127.0.0.1:" + listener.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    private List<String> remoteQueries() {
        return List.of(
                "SELECT * WHERE { SERVICE <" + target + "/sparql> { ?s ?p ?o } }",
                "SELECT * WHERE { SERVICE SILENT <" + target + "/silent> { ?s ?p ?o } }",
                "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <" + target + "/optional> { ?s ?p ?o } } } LIMIT 1",
                "SELECT * WHERE { ?a ?b ?c FILTER EXISTS { SERVICE <" + target + "/exists> { ?s ?p ?o } } } LIMIT 1",
                "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <" + target + "/subquery> { ?s ?p ?o } } } }",
                "SELECT * WHERE { BIND(<" + target + "/variable> AS ?svc) SERVICE ?svc { ?s ?p ?o } }",
                "ASK { SERVICE <" + target + "/ask> { ?s ?p ?o } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <" + target + "/construct> { ?s ?p ?o } }",
                "SELECT * FROM <" + target + "/from.ttl> WHERE { ?s ?p ?o }",
                "SELECT * FROM NAMED <" + target + "/named.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
                "LOAD <" + target + "/load.ttl>");
    }

    @Test
    void remoteQueriesAreRefusedBeforeRunningAndNothingLeavesTheServer() {
        TestHttp anonymous = anonymous();
        for (String q : remoteQueries()) {
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            assertRefused(q, "GET", anonymous.get("/thesaurus/sparql?query=" + enc));
            assertRefused(q, "form POST", ThesaurusHttp.postBody(anonymous, "/thesaurus/sparql", "query=" + enc,
                    "application/x-www-form-urlencoded"));
            assertRefused(q, "direct POST", anonymous.send(HttpRequest.newBuilder(anonymous.uri("/thesaurus/sparql"))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofString(q, StandardCharsets.UTF_8)), Map.of()));
        }
        assertRefused("update LOAD", "form update", ThesaurusHttp.postBody(anonymous, "/thesaurus/sparql",
                "update=" + URLEncoder.encode("LOAD <" + target + "/update.ttl>", StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"));
        assertThat(heard).as("requests the SPARQL endpoint sent to a local listener").isEmpty();
    }

    @Test
    void aLocalQueryStillRuns() {
        Response ok = anonymous().get("/thesaurus/sparql?query="
                + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 2", StandardCharsets.UTF_8));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("results").get("bindings").size()).isEqualTo(2);
    }

    private static void assertRefused(String query, String form, Response r) {
        assertThat(r.status()).as(form + " " + query + " -> " + r.body()).isEqualTo(400);
        assertThat(r.contentType()).as(form + " " + query).startsWith("application/problem+json");
    }
}
