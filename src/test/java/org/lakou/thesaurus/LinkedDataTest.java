package org.lakou.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Local concepts, the proposal export, dereferenceable URIs, scheme dumps and SPARQL. */
class LinkedDataTest extends IntegrationTestBase {

    private static final String THEMATIQUE = "https://w3id.org/lakou/thesaurus/thematique";

    @Autowired
    ThesaurusApi thesaurus;

    TestHttp http;

    @BeforeEach
    void client() {
        http = documentalist();
    }

    /** A national concept of the starter thesaurus to hang local concepts under. */
    private Concept national() {
        return thesaurus.topConcepts(THEMATIQUE).stream().filter(c -> !c.narrower().isEmpty()).findFirst()
                .orElseThrow();
    }

    @Test
    void localConceptJoinsTheHierarchyAndTheProposal() {
        Concept broader = national();
        String label = "Médiation en milieu scolaire aux Terres Sainville " + System.nanoTime();
        Response created = http.post("/api/thesaurus/local/concepts", Map.of("prefLabel", label, "lang", "fr",
                "broader", broader.uri(), "altLabels", List.of("Médiation scolaire TSV"), "scopeNote", "Action locale."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String uri = created.json().get("uri").asString();
        assertThat(uri).startsWith("http://localhost:8080/thesaurus/concepts/mediation-en-milieu-scolaire");
        assertThat(created.json().get("schemeUri").asString()).isEqualTo("http://localhost:8080/thesaurus/local");

        Response parent = http.get("/api/thesaurus/concept?uri=" + broader.uri());
        assertThat(parent.json().get("narrower").valueStream().map(n -> n.asString())).contains(uri);
        Response child = http.get("/api/thesaurus/concept?uri=" + uri + "&lang=fr");
        assertThat(child.json().get("ancestors").valueStream().map(a -> a.get("uri").asString())).endsWith(broader.uri());
        assertThat(child.json().get("depth").asInt()).isEqualTo(broader.depth() + 1);
        assertThat(thesaurus.ancestorUris(uri)).contains(broader.uri());
        assertThat(thesaurus.descendants(broader.uri())).contains(uri);
        assertThat(http.get("/api/thesaurus/suggest?q=mediation%20scolaire%20tsv&lang=fr").json()
                .valueStream().map(s -> s.get("uri").asString())).contains(uri);

        Response proposal = ThesaurusHttp.get(http, "/api/thesaurus/local/proposal", null);
        assertThat(proposal.contentType()).startsWith("text/turtle");
        Model m = ThesaurusHttp.parse(proposal.body(), Lang.TURTLE);
        assertThat(m.contains(m.createResource(uri), SKOS.prefLabel, label, "fr")).isTrue();
        assertThat(m.contains(m.createResource(uri), SKOS.broader, m.createResource(broader.uri()))).isTrue();
        assertThat(m.contains(m.createResource(broader.uri()), SKOS.narrower, m.createResource(uri))).isTrue();
        Response xml = ThesaurusHttp.get(http, "/api/thesaurus/local/proposal", "application/rdf+xml");
        assertThat(ThesaurusHttp.parse(xml.body(), Lang.RDFXML).isIsomorphicWith(m)).isTrue();

        Response duplicate = http.post("/api/thesaurus/local/concepts", Map.of("prefLabel", label, "broader", broader.uri()));
        assertThat(duplicate.status()).isEqualTo(409);
        Response unknown = http.post("/api/thesaurus/local/concepts", Map.of("prefLabel", "X", "broader", "http://nowhere/x"));
        assertThat(unknown.status()).isEqualTo(400);
        Response invalid = http.post("/api/thesaurus/local/concepts", Map.of("prefLabel", " "));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
    }

    @Test
    void mintedConceptsDereferenceWithContentNegotiation() {
        Concept broader = national();
        Concept local = thesaurus.addLocalConcept(new LocalConceptCommand("Jardins partagés " + System.nanoTime(), "fr",
                broader.uri(), List.of(), null));
        String path = "/thesaurus/concepts/" + local.uri().substring(local.uri().lastIndexOf('/') + 1);
        Model expected = null;
        for (var e : Map.of("text/turtle", Lang.TURTLE, "application/rdf+xml", Lang.RDFXML,
                "application/ld+json", Lang.JSONLD).entrySet()) {
            Response r = ThesaurusHttp.get(http, path, e.getKey());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith(e.getKey());
            Model m = ThesaurusHttp.parse(r.body(), e.getValue());
            assertThat(m.contains(m.createResource(local.uri()), SKOS.broader, m.createResource(broader.uri()))).isTrue();
            if (expected != null) {
                assertThat(m.isIsomorphicWith(expected)).as(e.getKey()).isTrue();
            }
            expected = m;
        }
        Response json = ThesaurusHttp.get(http, path, "application/json");
        assertThat(json.json().get("uri").asString()).isEqualTo(local.uri());
        assertThat(json.json().get("ancestors").size()).isPositive();
        // a browser is sent to the concept's page (303, as linked data does for an HTML view)
        Response browser = ThesaurusHttp.get(http, path, "text/html,*/*;q=0.8");
        assertThat(browser.status()).isEqualTo(303);
        assertThat(browser.header("Location")).contains("/thesaurus/concept?uri=");
        assertThat(ThesaurusHttp.get(http, "/thesaurus/concepts/nope", "text/turtle").status()).isEqualTo(404);
    }

    @Test
    void schemeDumpsInEveryFormat() {
        Model turtle = ThesaurusHttp.parse(ThesaurusHttp.get(http, "/thesaurus/schemes/types", null).body(), Lang.TURTLE);
        assertThat(turtle.contains(turtle.createResource("https://w3id.org/lakou/thesaurus/types"), null)).isTrue();
        for (var e : Map.of("application/rdf+xml", Lang.RDFXML, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES).entrySet()) {
            Response r = ThesaurusHttp.get(http, "/thesaurus/schemes/types", e.getKey());
            assertThat(r.contentType()).startsWith(e.getKey());
            assertThat(ThesaurusHttp.parse(r.body(), e.getValue()).isIsomorphicWith(turtle)).as(e.getKey()).isTrue();
        }
        Response json = ThesaurusHttp.get(http, "/thesaurus/schemes/types", "application/json");
        assertThat(json.json().get("conceptCount").asInt()).isPositive();
        assertThat(ThesaurusHttp.get(http, "/thesaurus/schemes/nope", null).status()).isEqualTo(404);
    }

    @Test
    void sparqlIsReadOnlyCappedAndReportsBadQueries() {
        String q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?s WHERE { ?s skos:inScheme <"
                + THEMATIQUE + "> } LIMIT 5";
        Response select = ThesaurusHttp.get(http, "/thesaurus/sparql?query=" + enc(q), null);
        assertThat(select.status()).isEqualTo(200);
        assertThat(select.contentType()).startsWith("application/sparql-results+json");
        assertThat(select.json().get("results").get("bindings").size()).isEqualTo(5);

        Response xml = ThesaurusHttp.postBody(http, "/thesaurus/sparql", "query=" + enc(q), "application/x-www-form-urlencoded");
        assertThat(xml.status()).isEqualTo(200);
        Response direct = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/thesaurus/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(q)), Map.of());
        assertThat(direct.contentType()).startsWith("application/sparql-results+xml");
        assertThat(direct.body()).contains("<sparql");

        Response all = ThesaurusHttp.get(http, "/thesaurus/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o }"), null);
        assertThat(all.json().get("results").get("bindings").size()).as("the default cap").isEqualTo(1000);

        Response update = ThesaurusHttp.get(http, "/thesaurus/sparql?query="
                + enc("DELETE WHERE { ?s ?p ?o }"), null);
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.json().get("title").asString()).isEqualTo("Update refused");
        Response updateForm = ThesaurusHttp.postBody(http, "/thesaurus/sparql", "update=" + enc("CLEAR ALL"),
                "application/x-www-form-urlencoded");
        assertThat(updateForm.status()).isEqualTo(400);
        Response bad = ThesaurusHttp.get(http, "/thesaurus/sparql?query=" + enc("SELECT ?x WHERE { ?x"), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asString()).contains("line");
        assertThat(thesaurus.allConcepts()).isNotEmpty();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
