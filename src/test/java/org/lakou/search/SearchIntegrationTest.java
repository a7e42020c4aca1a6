package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.lakou.search.internal.SolrTestAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Records written through the catalogue reach the embedded Solr through the outbox and are found
 * through the HTTP API, with the French analysis, the public filter, facets, sorting and
 * highlighting a reader relies on. Each test works in its own collection so counts are exact.
 */
class SearchIntegrationTest extends IntegrationTestBase {

    private static final Duration INDEXING = Duration.ofSeconds(60);

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Autowired
    ApplicationContext context;

    private Fixtures fixtures;
    private JsonHttp http;
    private String coll;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(catalogue);
        http = new JsonHttp(baseUrl());
        coll = Fixtures.uniqueCollection();
    }

    private void awaitIndexed() {
        assertThat(search.awaitIndexed(INDEXING)).as("outbox drained").isTrue();
    }

    @Test
    void frenchStemmingElisionAndAccentFolding() {
        Record mediation = fixtures.published(Fixtures.titled(coll, "La médiation sociale"));
        Record insertion = fixtures.published(Fixtures.titled(coll, "Parcours d'insertion des jeunes"));
        fixtures.published(Fixtures.titled(coll, "Rénovation urbaine"));
        awaitIndexed();

        assertThat(http.ids("q", "médiations", "collection", coll)).containsExactly(mediation.id());
        assertThat(http.ids("q", "mediation", "collection", coll)).containsExactly(mediation.id());
        assertThat(http.ids("q", "MÉDIATION SOCIALE", "collection", coll)).containsExactly(mediation.id());
        assertThat(http.ids("q", "l'insertion", "collection", coll)).containsExactly(insertion.id());
        assertThat(http.ids("q", "l’insertion", "collection", coll)).containsExactly(insertion.id());
        assertThat(http.ids("q", "insertions", "collection", coll)).containsExactly(insertion.id());
        assertThat(http.ids("q", "gentrification", "collection", coll)).isEmpty();
    }

    @Test
    void onlyPublishedPublicLiveRecordsAreFound() {
        String word = "zorglubien";
        Record visible = fixtures.published(Fixtures.titled(coll, "Le rapport " + word));
        fixtures.draft(Fixtures.titled(coll, "Brouillon " + word));
        Record deleted = fixtures.published(Fixtures.titled(coll, "Supprimé " + word));
        catalogue.delete(deleted.id());
        Record withdrawn = fixtures.published(Fixtures.titled(coll, "Retiré " + word));
        catalogue.withdraw(withdrawn.id());
        fixtures.published(Fixtures.withAccess(Fixtures.titled(coll, "Interne " + word), AccessLevel.STAFF));
        Record members = fixtures.published(
                Fixtures.withAccess(Fixtures.titled(coll, "Adhérents " + word), AccessLevel.MEMBERS));
        awaitIndexed();

        JsonNode body = http.get("/api/search", "q", word, "collection", coll).body();
        assertThat(body.get("total").asLong()).isEqualTo(2);
        assertThat(http.ids("q", word, "collection", coll)).containsExactlyInAnyOrder(visible.id(), members.id());
        // without a query too: the public filter is not a side effect of the text search
        assertThat(http.ids("collection", coll)).containsExactlyInAnyOrder(visible.id(), members.id());
        // staff screens see drafts and withdrawn records, never tombstones
        SearchResult staff = search.search(new SearchQuery(word, null, null, null, null, null, coll,
                SearchQuery.Sort.RELEVANCE, 0, 20, true));
        assertThat(staff.hits()).extracting(SearchHit::id).hasSize(5).doesNotContain(deleted.id());
    }

    @Test
    void facetCountsAreExact() {
        fixtures.published(Fixtures.fields(coll, "Un", "rapport", "2019", "fr", List.of("Dupont, Marie"), null));
        fixtures.published(Fixtures.fields(coll, "Deux", "rapport", "2019-05", "fr",
                List.of("Dupont, Marie", "Martin, Paul"), null));
        fixtures.published(Fixtures.fields(coll, "Trois", "étude", "2020-01-15", "fr", List.of("Martin, Paul"), null));
        fixtures.published(Fixtures.fields(coll, "Quatre", "étude", "2021", "en", List.of("Dupont, Marie"), null));
        fixtures.published(Fixtures.fields(coll, "Cinq", "guide méthodologique", "2021", "fr", List.of(), null));
        // a draft in the same collection must not be counted
        fixtures.draft(Fixtures.fields(coll, "Six", "rapport", "2019", "fr", List.of("Dupont, Marie"), null));
        awaitIndexed();

        JsonNode body = http.get("/api/search", "collection", coll).body();
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(JsonHttp.facet(body, "type"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("rapport", 2L, "étude", 2L, "guide méthodologique", 1L));
        assertThat(JsonHttp.facet(body, "year"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("2019", 2L, "2020", 1L, "2021", 2L));
        assertThat(JsonHttp.facet(body, "language")).containsExactly(Map.entry("fr", 4L), Map.entry("en", 1L));
        assertThat(JsonHttp.facet(body, "creator"))
                .containsExactly(Map.entry("Dupont, Marie", 3L), Map.entry("Martin, Paul", 2L));
        assertThat(JsonHttp.facet(body, "collection")).containsExactly(Map.entry(coll, 5L));

        // a filter narrows the hits and the counts alike
        JsonNode filtered = http.get("/api/search", "collection", coll, "creator", "Martin, Paul").body();
        assertThat(filtered.get("total").asLong()).isEqualTo(2);
        assertThat(JsonHttp.facet(filtered, "type")).containsExactlyInAnyOrderEntriesOf(
                Map.of("rapport", 1L, "étude", 1L));
        assertThat(http.get("/api/search", "collection", coll, "type", "guide méthodologique")
                .body().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/search", "collection", coll, "language", "en").body().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void yearRangeFilter() {
        Record y2018 = fixtures.published(Fixtures.fields(coll, "A", "rapport", "2018", "fr", List.of(), null));
        Record y2020 = fixtures.published(Fixtures.fields(coll, "B", "rapport", "2020-06", "fr", List.of(), null));
        Record y2022 = fixtures.published(Fixtures.fields(coll, "C", "rapport", "2022", "fr", List.of(), null));
        fixtures.published(Fixtures.fields(coll, "D", "rapport", null, "fr", List.of(), null));
        awaitIndexed();

        assertThat(http.ids("collection", coll, "yearFrom", "2019", "yearTo", "2021")).containsExactly(y2020.id());
        assertThat(http.ids("collection", coll, "yearFrom", "2020")).containsExactlyInAnyOrder(y2020.id(), y2022.id());
        assertThat(http.ids("collection", coll, "yearTo", "2020")).containsExactlyInAnyOrder(y2018.id(), y2020.id());
        // newest first; undated records last
        assertThat(http.ids("collection", coll, "sort", "date")).startsWith(y2022.id(), y2020.id(), y2018.id())
                .hasSize(4);
    }

    @Test
    void sortByTitleIgnoresCaseAccentsAndInitialArticles() {
        Record zebre = fixtures.published(Fixtures.titled(coll, "zèbres des villes"));
        Record abeilles = fixtures.published(Fixtures.titled(coll, "Abeilles urbaines"));
        Record banane = fixtures.published(Fixtures.titled(coll, "La banane et le quartier"));
        Record elephant = fixtures.published(Fixtures.titled(coll, "Éléphants et jardins"));
        awaitIndexed();

        assertThat(http.ids("collection", coll, "sort", "title"))
                .containsExactly(abeilles.id(), banane.id(), elephant.id(), zebre.id());
        assertThat(http.ids("collection", coll, "sort", "TITLE", "size", "2", "page", "1"))
                .containsExactly(elephant.id(), zebre.id());
    }

    @Test
    void highlightsShowTheMatchedWordsOfTheFullText() {
        String text = "Introduction générale. ".repeat(200)
                + "Les quartiers connaissent une gentrification rapide depuis dix ans. "
                + "Conclusion. ".repeat(100);
        FileRef file = new FileRef("sha256-" + coll, "etude.pdf", "application/pdf", 1234, 12, text.length(),
                false, TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(Fixtures.titled(coll, "Étude sur les quartiers"), file, text);
        catalogue.publish(r.id());
        awaitIndexed();

        JsonNode body = http.get("/api/search", "q", "gentrifications", "collection", coll).body();
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(r.id());
        assertThat(hit.get("title").asString()).isEqualTo("Étude sur les quartiers");
        assertThat(hit.get("highlights").toString()).contains("<em>gentrification</em>");
        // the full text itself is never shipped in a hit
        assertThat(hit.has("fulltext")).isFalse();
    }

    @Test
    void deletedAndWithdrawnRecordsDisappear() {
        Record gone = fixtures.published(Fixtures.titled(coll, "Observatoire des loyers"));
        Record withdrawn = fixtures.published(Fixtures.titled(coll, "Observatoire des écoles"));
        awaitIndexed();
        assertThat(http.ids("q", "observatoire", "collection", coll))
                .containsExactlyInAnyOrder(gone.id(), withdrawn.id());

        catalogue.delete(gone.id());
        catalogue.withdraw(withdrawn.id());
        awaitIndexed();
        assertThat(http.ids("q", "observatoire", "collection", coll)).isEmpty();
    }

    @Test
    void healthReportsSolrUp() {
        JsonHttp.Response health = http.as(DOCUMENTALIST, PASSWORD).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode solr = health.body().get("components").get("solr");
        assertThat(solr.get("status").asString()).isEqualTo("UP");
        assertThat(solr.get("details").get("collection").asString()).isEqualTo("catalogue");
        assertThat(solr.get("details").get("mode").asString()).isEqualTo("embedded");
    }

    @Test
    void malformedQueriesAreAnsweredNotFailed() {
        Record r = fixtures.published(Fixtures.titled(coll, "Tiers-lieux culturels"));
        fixtures.draft(Fixtures.titled(coll, "Tiers-lieux en projet"));
        awaitIndexed();
        for (String q : List.of("title:(", "\"unbalanced", ")", "\\", "a:b:c", "[1 TO", "l'", "la", "AND")) {
            assertThat(http.get("/api/search", "q", q, "collection", coll).status()).as(q).isEqualTo(200);
        }
        // neither local params nor field syntax can lift the public filter
        assertThat(http.ids("q", "{!lucene}*:*", "collection", coll)).doesNotHaveDuplicates().hasSizeLessThan(2);
        assertThat(http.ids("q", "status:draft", "collection", coll)).isEmpty();
        assertThat(http.ids("q", "tiers-lieux", "collection", coll)).containsExactly(r.id());
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        // springdoc breaks at run time on swagger-annotations skew (Solr drags in an older jar)
        JsonHttp.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames())
                .contains("/api/search", "/api/admin/reindex", "/api/admin/index");
    }

    @Test
    void invalidParametersAreProblems() {
        for (String[] params : List.of(new String[] {"size", "1000"}, new String[] {"size", "0"},
                new String[] {"page", "-1"}, new String[] {"sort", "price"}, new String[] {"yearFrom", "abc"},
                new String[] {"yearFrom", "2020", "yearTo", "2010"}, new String[] {"page", "5000"})) {
            JsonHttp.Response r = http.get("/api/search", params);
            assertThat(r.status()).as(String.join("=", params)).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void reindexRebuildsRecordsThatTheIndexLost() throws Exception {
        Record r = fixtures.published(Fixtures.titled(coll, "Habitat participatif"));
        awaitIndexed();
        assertThat(http.ids("q", "habitat participatif", "collection", coll)).containsExactly(r.id());
        // the index loses the record while MongoDB still says it is indexed: only a reindex brings it back
        SolrTestAccess.wipeCollection(context, coll);
        assertThat(http.ids("q", "habitat participatif", "collection", coll)).as("emptied").isEmpty();

        JsonHttp.Response accepted = http.as(DOCUMENTALIST, PASSWORD).post("/api/admin/reindex");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("queued").asInt()).isPositive();
        awaitIndexed();

        JsonNode status = http.as(DOCUMENTALIST, PASSWORD).get("/api/admin/index").body();
        assertThat(status.get("queueSize").asLong()).isZero();
        assertThat(status.get("solrReachable").asBoolean()).isTrue();
        assertThat(status.get("lastIndexed").isNull()).isFalse();
        assertThat(http.ids("q", "habitat participatif", "collection", coll)).containsExactly(r.id());
    }
}
