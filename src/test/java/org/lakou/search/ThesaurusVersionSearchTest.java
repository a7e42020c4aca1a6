package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.FixtureScheme;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A new thesaurus version reaches search: records using a deprecated concept are remapped to its
 * replacement and re-indexed, and records using a concept that moved in the hierarchy are
 * re-indexed with their new ancestors, so filters and the facet tree follow.
 */
class ThesaurusVersionSearchTest extends IntegrationTestBase {

    @Autowired
    ThesaurusApi thesaurus;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SubjectSuggester suggester;

    @Test
    void deprecatedConceptsAreRemappedAndSearchFollows() {
        String base = "http://test.lakou.org/tagger-" + UUID.randomUUID();
        String coll = Fixtures.uniqueCollection();
        JsonHttp http = new JsonHttp(baseUrl());
        thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "v1.ttl", "text/turtle",
                "test", true);
        Record slum = record(coll, "Résorber les taudis", base + "/old");
        Record decent = record(coll, "Lutter contre l'habitat indigne", base + "/b1");
        Record crime = record(coll, "Prévenir la délinquance", base + "/a2");
        awaitIndexed();

        assertThat(http.ids("collection", coll, "subject", base + "/old")).containsExactly(slum.id());
        assertThat(http.ids("collection", coll, "subject", base + "/a")).containsExactly(crime.id());
        assertThat(facetUris(http.get("/api/search", "collection", coll).body())).contains(base + "/old");

        ApplyResult applied = thesaurus.importScheme(FixtureScheme.v2(base).getBytes(StandardCharsets.UTF_8),
                "v2.ttl", "text/turtle", "test", true).applied();
        assertThat(applied.remappedRecords()).contains(slum.id());
        awaitIndexed();

        assertThat(catalogue.get(slum.id()).subjects()).containsExactly(base + "/b1");
        assertThat(http.ids("collection", coll, "subject", base + "/b1"))
                .containsExactlyInAnyOrder(slum.id(), decent.id());
        assertThat(http.ids("collection", coll, "subject", base + "/old")).isEmpty();
        // the replacement's label now finds the remapped record through its subjects
        assertThat(http.ids("collection", coll, "q", "habitat indigne", "expand", "none"))
                .containsExactlyInAnyOrder(slum.id(), decent.id());
        JsonNode body = http.get("/api/search", "collection", coll).body();
        assertThat(facetUris(body)).doesNotContain(base + "/old").contains(base + "/b1");
        // a2 moved from a to b: its record was re-indexed with the new ancestors
        assertThat(http.ids("collection", coll, "subject", base + "/a")).isEmpty();
        assertThat(http.ids("collection", coll, "subject", base + "/b"))
                .containsExactlyInAnyOrder(slum.id(), decent.id(), crime.id());
        JsonNode logement = body.get("facets").get("subjects").get(0);
        assertThat(logement.get("uri").asString()).isEqualTo(base + "/b");
        assertThat(logement.get("count").asLong()).isEqualTo(3);
        // and the concepts core dropped the deprecated concept
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
    }

    private Record record(String coll, String title, String subject) {
        RecordFields f = new RecordFields(title, null, List.of(), null, "2012", "rapport", "fr", null,
                List.of(subject), List.of(), coll, AccessLevel.PUBLIC);
        return catalogue.publish(catalogue.create(f).id());
    }

    private void awaitIndexed() {
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
    }

    private static List<String> facetUris(JsonNode body) {
        List<String> out = new ArrayList<>();
        collect(body.get("facets").get("subjects"), out);
        return out;
    }

    private static void collect(JsonNode nodes, List<String> out) {
        nodes.forEach(n -> {
            out.add(n.get("uri").asString());
            collect(n.get("children"), out);
        });
    }
}
