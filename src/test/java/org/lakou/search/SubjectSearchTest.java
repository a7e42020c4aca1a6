package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The thesaurus in search, over HTTP: the subject facet tree with its counts, filtering by a
 * broad concept finds records indexed only with narrower ones, and query expansion through
 * concept labels. Each test works in its own collection so counts are exact.
 */
class SubjectSearchTest extends IntegrationTestBase {

    private static final String LKT = SubjectSuggestionTest.LKT;
    private static final Duration INDEXING = Duration.ofSeconds(60);

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;

    private JsonHttp http;
    private String coll;

    @BeforeEach
    void setUp() {
        http = new JsonHttp(baseUrl());
        coll = Fixtures.uniqueCollection();
    }

    private Record published(String title, String summary, String... subjects) {
        RecordFields f = new RecordFields(title, null, List.of(), null, "2010", "rapport", "fr", summary,
                List.of(subjects).stream().map(s -> LKT + s).toList(), List.of(), coll, AccessLevel.PUBLIC);
        return catalogue.publish(catalogue.create(f).id());
    }

    private void awaitIndexed() {
        assertThat(search.awaitIndexed(INDEXING)).as("outbox drained").isTrue();
    }

    @Test
    void subjectFacetIsATreeWithCountsOnAncestors() {
        published("Un", null, "mediation-scolaire");
        published("Deux", null, "mediation-par-les-pairs");
        published("Trois", null, "mediation-familiale");
        published("Quatre", null, "decrochage-scolaire");
        published("Cinq", null);
        awaitIndexed();

        JsonNode body = http.get("/api/search", "collection", coll).body();
        assertThat(body.get("total").asLong()).isEqualTo(5);
        JsonNode roots = body.get("facets").get("subjects");
        assertThat(roots).hasSize(2);
        JsonNode mediation = roots.get(0);
        assertThat(mediation.get("uri").asString()).isEqualTo(LKT + "mediation-sociale");
        assertThat(mediation.get("label").asString()).isEqualTo("Médiation sociale");
        assertThat(mediation.get("count").asLong()).isEqualTo(3);
        JsonNode kids = mediation.get("children");
        assertThat(kids).hasSize(2);
        assertThat(kids.get(0).get("uri").asString()).isEqualTo(LKT + "mediation-scolaire");
        assertThat(kids.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(kids.get(0).get("children")).hasSize(1);
        assertThat(kids.get(0).get("children").get(0).get("uri").asString()).isEqualTo(LKT + "mediation-par-les-pairs");
        assertThat(kids.get(0).get("children").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(kids.get(1).get("uri").asString()).isEqualTo(LKT + "mediation-familiale");
        assertThat(kids.get(1).get("count").asLong()).isEqualTo(1);
        JsonNode school = roots.get(1);
        assertThat(school.get("uri").asString()).isEqualTo(LKT + "reussite-educative");
        assertThat(school.get("count").asLong()).isEqualTo(1);
        assertThat(school.get("children").get(0).get("uri").asString()).isEqualTo(LKT + "decrochage-scolaire");

        // labels in the requested language
        JsonNode en = http.get("/api/search", "collection", coll, "lang", "en").body();
        assertThat(en.get("facets").get("subjects").get(0).get("label").asString()).isEqualTo("Social mediation");
        // the tree follows the result: a query narrows the counts
        JsonNode narrowed = http.get("/api/search", "collection", coll, "q", "Deux").body();
        assertThat(narrowed.get("facets").get("subjects")).hasSize(1);
        assertThat(narrowed.get("facets").get("subjects").get(0).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void filteringByABroadConceptIncludesItsNarrowerConcepts() {
        Record one = published("Un", null, "mediation-scolaire");
        Record two = published("Deux", null, "mediation-par-les-pairs");
        Record three = published("Trois", null, "mediation-familiale");
        published("Quatre", null, "decrochage-scolaire");
        awaitIndexed();

        assertThat(http.ids("collection", coll, "subject", LKT + "mediation-sociale"))
                .containsExactlyInAnyOrder(one.id(), two.id(), three.id());
        assertThat(http.ids("collection", coll, "subject", LKT + "mediation-scolaire"))
                .containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(http.ids("collection", coll, "subject", LKT + "mediation-par-les-pairs")).containsExactly(two.id());
        // repeated: every concept must hold
        assertThat(http.ids("collection", coll, "subject", LKT + "mediation-sociale", "subject",
                LKT + "reussite-educative")).isEmpty();
        JsonNode body = http.get("/api/search", "collection", coll, "subject", LKT + "mediation-scolaire").body();
        assertThat(body.get("total").asLong()).isEqualTo(2);
        assertThat(body.get("facets").get("subjects").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/search", "subject", "x".repeat(10), "lang", "not a tag").status()).isEqualTo(400);
    }

    @Test
    void anAcronymFindsTheSpelledOutLabelAndTheAnswerSaysSo() {
        Record spelled = published("Les quartiers en zone urbaine sensible", "Portrait de trois quartiers.");
        Record indexed = published("Rapport annuel", "Activité du centre.", "zone-urbaine-sensible");
        published("Emploi des jeunes", "Rien sur le zonage.");
        awaitIndexed();

        JsonNode body = http.get("/api/search", "q", "ZUS", "collection", coll).body();
        assertThat(ids(body)).containsExactlyInAnyOrder(spelled.id(), indexed.id());
        JsonNode e = body.get("expansions");
        assertThat(e).hasSize(1);
        assertThat(e.get(0).get("term").asString()).isEqualTo("ZUS");
        assertThat(e.get(0).get("conceptUri").asString()).isEqualTo(LKT + "zone-urbaine-sensible");
        assertThat(e.get(0).get("narrower").asBoolean()).isFalse();
        assertThat(e.get(0).get("addedLabels").toString()).contains("zone urbaine sensible");

        // the other words of the query still count
        assertThat(http.ids("q", "ZUS portrait", "collection", coll)).containsExactly(spelled.id());
        // the record indexed with the concept is found by its label even without expansion
        assertThat(http.ids("q", "ZUS", "collection", coll, "expand", "none")).containsExactly(indexed.id());
        assertThat(http.get("/api/search", "q", "ZUS", "expand", "none").body().get("expansions")).isEmpty();
    }

    @Test
    void expandNarrowerAlsoSearchesTheNarrowerConceptsLabels() {
        Record zfu = published("Bilan de la zone franche urbaine", "Emplois créés depuis 2004.");
        Record zus = published("Les zones urbaines sensibles de Martinique", "Portrait.");
        published("Emploi des jeunes", "Rien sur le sujet.");
        awaitIndexed();

        assertThat(http.ids("q", "géographie prioritaire", "collection", coll)).isEmpty();
        JsonNode body = http.get("/api/search", "q", "géographie prioritaire", "collection", coll,
                "expand", "narrower").body();
        assertThat(ids(body)).containsExactlyInAnyOrder(zfu.id(), zus.id());
        JsonNode e = body.get("expansions").get(0);
        assertThat(e.get("conceptUri").asString()).isEqualTo(LKT + "geographie-prioritaire");
        assertThat(e.get("narrower").asBoolean()).isTrue();
        assertThat(e.get("addedLabels").toString()).contains("zone franche urbaine", "ZUS");
        assertThat(http.get("/api/search", "q", "x", "expand", "everything").status()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new java.util.ArrayList<>();
        body.get("hits").forEach(h -> out.add(h.get("id").asString()));
        return out;
    }
}
