package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ConceptSuggestion;
import org.lakou.thesaurus.FixtureScheme;

class ConceptGraphTest {

    private static final String EX = Fixtures.BASE + "/";
    private final ConceptGraph graph = new ConceptGraph(List.of(Fixtures.state(FixtureScheme.v1(Fixtures.BASE), 1)));

    @Test
    void autocompleteIgnoresAccentsAndCase() {
        assertThat(graph.suggest.suggest("delinq", "fr", 10)).extracting(ConceptSuggestion::uri).containsExactly(EX + "a2");
        assertThat(graph.suggest.suggest("DÉLINQ", null, 10)).extracting(ConceptSuggestion::uri).containsExactly(EX + "a2");
        assertThat(graph.suggest.suggest("prevention de", "fr", 10)).extracting(ConceptSuggestion::uri)
                .containsExactly(EX + "a2");
        assertThat(graph.suggest.suggest("clspd", "fr", 10)).singleElement().satisfies(s -> {
            assertThat(s.preferred()).isFalse();
            assertThat(s.matched()).isEqualTo("CLSPD");
            assertThat(s.label()).isEqualTo("Prévention de la délinquance");
        });
        assertThat(graph.suggest.suggest("zzz", "fr", 10)).isEmpty();
        assertThat(graph.suggest.suggest("  ", "fr", 10)).isEmpty();
    }

    @Test
    void prefLabelsComeBeforeAltLabelsAndFullMatchesBeforeWordMatches() {
        // "Médiation" (pref) and "Médiateurs" (alt of the same concept) → one hit, via its prefLabel
        assertThat(graph.suggest.suggest("media", "fr", 10)).singleElement()
                .satisfies(s -> assertThat(s.preferred()).isTrue());
        // "la" matches inside "Prévention de la délinquance" only as a word start
        List<ConceptSuggestion> hab = graph.suggest.suggest("h", "fr", 10);
        assertThat(hab).extracting(ConceptSuggestion::uri).first().isEqualTo(EX + "b1");
        assertThat(graph.suggest.suggest("indig", "fr", 10)).extracting(ConceptSuggestion::uri).containsExactly(EX + "b1");
    }

    @Test
    void hierarchyIsSymmetricWithDepthsAndPaths() {
        Concept a1 = graph.byUri.get(EX + "a1");
        assertThat(a1.broader()).containsExactly(EX + "a");
        assertThat(a1.depth()).isEqualTo(1);
        assertThat(graph.byUri.get(EX + "a").narrower()).containsExactly(EX + "a1", EX + "a2");
        assertThat(graph.ancestors(EX + "a1")).extracting(Concept::uri).containsExactly(EX + "a");
        assertThat(graph.closure(EX + "b", false)).containsExactlyInAnyOrder(EX + "b1", EX + "gone", EX + "old",
                EX + "dead");
        assertThat(graph.closure(EX + "b1", true)).containsExactly(EX + "b");
        assertThat(graph.topConcepts(FixtureScheme.schemeUri(Fixtures.BASE))).extracting(Concept::uri)
                .containsExactly(EX + "a", EX + "b");
    }

    @Test
    void labelLookupIsExactAfterFolding() {
        assertThat(graph.labels.find("clspd", "fr")).map(Concept::uri).contains(EX + "a2");
        assertThat(graph.labels.find("Prevention de la delinquance", null)).map(Concept::uri).contains(EX + "a2");
        assertThat(graph.labels.find("prevention", "fr")).isEmpty();
    }
}
