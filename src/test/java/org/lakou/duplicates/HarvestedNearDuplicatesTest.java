package org.lakou.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Records without a file are compared on title and abstract: a partner's copy harvested over
 * OAI-PMH (this application harvesting its own {@code /oai}, as in the OAI end-to-end test) and
 * a record catalogued by hand.
 */
class HarvestedNearDuplicatesTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;

    @Test
    void aHarvestedCopyAndAHandMadeRecordAreFlagged() {
        String summary = FrenchReports.report(6001, 1).get(0);
        Record local = catalogue.publish(catalogue.create(fields("Les conseils citoyens en Martinique", summary)).id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        TestHttp http = admin();
        TestHttp.Response created = http.post("/api/harvest/sources", Map.of("name", "Partenaire (doublons)",
                "baseUrl", baseUrl() + "/oai", "metadataPrefix", "mods"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String source = created.json().get("id").asString();
        TestHttp.Response run = http.post("/api/harvest/sources/" + source + "/run", null);
        assertThat(run.json().get("status").asString()).as(run.body()).isEqualTo("SUCCEEDED");
        Record copy = catalogue.findHarvested(source, "oai:lakou.org:" + local.id()).orElseThrow();

        JsonNode copyView = documentalist().get("/api/records/" + copy.id()).json();
        assertThat(copyView.get("nearDuplicates").findValuesAsString("id")).as(copyView.toString())
                .contains(local.id());

        // a documentalist catalogues the same report by hand, the abstract retouched
        String reworded = summary.replaceFirst(" participants\\. ", " personnes. ");
        assertThat(reworded).isNotEqualTo(summary);
        Record byHand = catalogue.create(fields("Conseils citoyens : bilan", reworded));
        JsonNode view = documentalist().get("/api/records/" + byHand.id()).json();
        assertThat(view.get("nearDuplicates").findValuesAsString("id")).as(view.toString())
                .contains(local.id(), copy.id());
        assertThat(view.get("nearDuplicates").findValues("similarity").stream().map(JsonNode::asDouble))
                .allMatch(s -> s >= 0.8);
    }

    @Test
    void aTitleAloneIsTooLittleToJudge() {
        Record a = catalogue.create(fields("Rapport annuel du centre de ressources", null));
        Record b = catalogue.create(fields("Rapport annuel du centre de ressources", null));
        JsonNode view = documentalist().get("/api/records/" + b.id()).json();
        assertThat(view.get("nearDuplicates").findValuesAsString("id")).doesNotContain(a.id());
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of("Ville caraïbe"), "Centre de ressources Ville caraïbe", "2019",
                "rapport", "fr", summary, List.of(), List.of(), null, null);
    }
}
