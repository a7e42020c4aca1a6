package org.lakou.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The newest-first listing, the counts and the records-by-subject lookup are kept between
 * requests (each is a scan of the records on the embedded MongoDB); every write must show in the
 * next answer. Each check reads twice first, so the second read is the kept one.
 */
class RecordScansFreshnessTest extends IntegrationTestBase {

    private static final String OLD = "https://example.org/fraicheur/" + System.nanoTime();

    @Autowired
    CatalogueApi catalogue;

    @Test
    void theNewestFirstListingFollowsEachWrite() throws InterruptedException {
        Record older = catalogue.create(fields("Plus ancienne", List.of()));
        Thread.sleep(5); // the modification times are stored to the millisecond
        Record newer = catalogue.create(fields("Plus récente", List.of()));
        assertThat(firstId()).isEqualTo(newer.id());
        assertThat(firstId()).isEqualTo(newer.id());
        assertThat(apiFirstId())
                .isEqualTo(newer.id());

        Thread.sleep(5);
        catalogue.update(older.id(), older.version(), fields("Plus ancienne, corrigée", List.of()));
        assertThat(firstId()).isEqualTo(older.id());
        assertThat(apiFirstId())
                .isEqualTo(older.id());

        Thread.sleep(5);
        catalogue.addCopy(newer.id(), new Copy("FRAIS-" + System.nanoTime(), "300 FRA", "Salle", null));
        assertThat(catalogue.list(null, 0, 30).get(0).copies()).hasSize(1);
    }

    @Test
    void countsAndSubjectLookupsFollowEachWrite() {
        long drafts = catalogue.count(RecordStatus.DRAFT);
        assertThat(catalogue.count(RecordStatus.DRAFT)).isEqualTo(drafts);
        Record r = catalogue.create(fields("Brouillon frais", List.of()));
        assertThat(catalogue.count(RecordStatus.DRAFT)).isEqualTo(drafts + 1);

        assertThat(catalogue.findBySubjects(List.of(OLD))).isEmpty();
        assertThat(catalogue.findBySubjects(List.of(OLD))).isEmpty();
        Record tagged = catalogue.update(r.id(), r.version(), fields("Brouillon frais", List.of(OLD)));
        assertThat(catalogue.findBySubjects(List.of(OLD))).containsExactly(r.id());
        catalogue.publish(r.id());
        assertThat(catalogue.count(RecordStatus.DRAFT)).isEqualTo(drafts);
        catalogue.update(r.id(), catalogue.get(r.id()).version(), fields(tagged.title(), List.of()));
        assertThat(catalogue.findBySubjects(List.of(OLD))).isEmpty();
    }

    private String firstId() {
        return catalogue.list(null, 0, 30).get(0).id();
    }

    private static RecordFields fields(String title, List<String> subjects) {
        return new RecordFields(title, null, List.of("Ville caraïbe"), null, "2026", "étude", "fr", null, subjects,
                List.of(), null, AccessLevel.PUBLIC);
    }

    private String apiFirstId() {
        JsonNode page = documentalist().get("/api/records?size=30").json();
        return page.get("records").get(0).get("id").asString();
    }
}
