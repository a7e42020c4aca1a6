package org.lakou.oai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Lakou instances, A and B, in one Spring context: B is this application harvesting its own
 * {@code /oai} over HTTP as a partner source. That costs nothing (a second context with its own
 * Solr home and Mongo file would add about 20 s) and loses nothing that matters here: B's copies
 * are a separate namespace (ids derived from the source and the OAI identifier, a provenance, never
 * re-exposed over OAI), and every byte goes through the real provider, HTTP and XOAI's harvester.
 * B harvests A in full; A adds, changes and deletes records; B's incremental run brings exactly
 * those changes.
 */
class OaiHarvestEndToEndTest extends IntegrationTestBase {

    static final String THEME = "https://w3id.org/lakou/thesaurus/thematique/";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    org.lakou.search.IndexFeed feed;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private String source;

    @Test
    void incrementalHarvestBringsExactlyTheChanges() throws Exception {
        TestHttp http = admin();
        Record a1 = publish("Diagnostic du contrat de ville de Fort-de-France", "2014", THEME + "lien-social");
        Record a2 = publish("Évaluation du programme de réussite éducative", "2016", THEME + "reussite-educative");
        Record a3 = publish("Guide de la médiation sociale", "2012", THEME + "mediation-sociale");
        awaitOai();

        TestHttp.Response created = http.post("/api/harvest/sources", Map.of("name", "Centre A (test)",
                "baseUrl", baseUrl() + "/oai", "metadataPrefix", "mods"));
        assertThat(created.status()).isEqualTo(201);
        source = created.json().get("id").asText();

        JsonNode first = run(http, source);
        assertThat(first.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.get("added").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(first.get("from").isNull()).isTrue();
        Record copy = copyOf(a2);
        assertThat(copy.subjects()).containsExactly(THEME + "reussite-educative");
        assertThat(copy.provenance().oaiIdentifier()).isEqualTo("oai:lakou.org:" + a2.id());

        // A changes: two new records, two edits, one deletion
        publish("Atlas des quartiers prioritaires de Martinique", "2018", THEME + "lien-social");
        publish("Actes des rencontres de la politique de la ville", "2019", THEME + "mediation-sociale");
        catalogue.update(a1.id(), catalogue.get(a1.id()).version(), catalogue.get(a1.id()).fields()
                .withSubjects(List.of(THEME + "mediation-sociale")));
        Record a3now = catalogue.get(a3.id());
        catalogue.update(a3.id(), a3now.version(), new RecordFields("Guide de la médiation sociale (2e édition)",
                null, a3now.creators(), a3now.publisher(), "2013", a3now.type(), "fr", a3now.summary(),
                a3now.subjects(), a3now.territories(), null, null));
        catalogue.delete(a2.id());
        awaitOai();

        JsonNode second = run(http, source);
        assertThat(second.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.get("from").asText()).isEqualTo(first.get("responseDate").asText());
        assertThat(second.get("added").asInt()).isEqualTo(2);
        assertThat(second.get("updated").asInt()).isEqualTo(2);
        assertThat(second.get("deleted").asInt()).isEqualTo(1);
        assertThat(copyOf(a1).subjects()).containsExactly(THEME + "mediation-sociale");
        assertThat(copyOf(a3).title()).isEqualTo("Guide de la médiation sociale (2e édition)");
        assertThat(copyOf(a2).deleted()).isTrue();

        // one work, held by this centre and (as a copy) by the harvesting one
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        JsonNode work = http.get("/api/harvest/works/" + a3.id()).json();
        assertThat(work.get("heldBy").size()).isEqualTo(2);
        assertThat(work.get("heldBy").findValuesAsString("centre")).contains("Centre A (test)");
        assertThat(work.get("heldBy").findValues("harvested").stream().map(JsonNode::asBoolean))
                .containsExactlyInAnyOrder(true, false);

        // the copies are searchable, with the holding centre as a facet
        JsonNode found = http.get("/api/search?q=m%C3%A9diation").json();
        assertThat(found.get("facets").get("source").findValuesAsString("value")).contains("Centre A (test)");
        // and the facet narrows: the partner's copies only
        JsonNode fromA = http.get("/api/search?q=m%C3%A9diation&source=Centre%20A%20(test)").json();
        assertThat(fromA.get("facets").get("source").findValuesAsString("value")).containsExactly("Centre A (test)");
        assertThat(fromA.get("total").asInt()).isPositive().isLessThan(found.get("total").asInt());
        // a phrase only this test writes, so the two holdings of the work are on the first page
        String edition = "/api/search?q=%222e%20%C3%A9dition%22";
        assertThat(http.get(edition).json().get("hits").findValuesAsString("id")).contains(copyOf(a3).id(), a3.id());
        assertThat(http.get(edition + "&source=Centre%20A%20(test)").json().get("hits").findValuesAsString("id"))
                .contains(copyOf(a3).id()).doesNotContain(a3.id());

        JsonNode runs = http.get("/api/harvest/sources/" + source + "/runs").json();
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).get("pages").asInt()).isGreaterThanOrEqualTo(1);

        // another node holding the source's lease: this node's run is logged as skipped
        mongo.insert(new org.bson.Document("_id", "oai-harvest:" + source).append("holder", "another-node")
                .append("until", java.util.Date.from(clock.instant().plusSeconds(60))), "job_leases"); // the app's clock, which tests move
        assertThat(run(http, source).get("status").asText()).isEqualTo("SKIPPED");
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("oai-harvest:" + source)), "job_leases");

        // a copy is read-only for editors
        Record c = copyOf(a1);
        assertThat(http.put("/api/records/" + c.id(), Map.of("title", "x"),
                Map.of("If-Match", "\"" + c.version() + "\"")).status()).isEqualTo(409);
    }

    Record publish(String title, String date, String subject) {
        return catalogue.publish(catalogue.create(new RecordFields(title, null, List.of("Ville caraïbe"),
                "Centre de ressources Ville caraïbe", date, "rapport", "fr", "Résumé.", List.of(subject), List.of(),
                null, null)).id());
    }

    JsonNode run(TestHttp http, String source) {
        TestHttp.Response r = http.post("/api/harvest/sources/" + source + "/run", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** B's copy of A's record. */
    Record copyOf(Record original) {
        return catalogue.findHarvested(source, "oai:lakou.org:" + original.id())
                .orElseThrow(() -> new AssertionError("no copy of " + original.id()));
    }

    void awaitOai() throws InterruptedException {
        OaiTestSupport.awaitOai(search, feed, clock);
    }
}
