package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A floor on suggestion quality over the hand-indexed gold set: well below the benchmark's
 * figures, so only a broken Tagger, analysis chain or ranking fails it.
 */
class GoldSetTest extends IntegrationTestBase {

    @Autowired
    SubjectSuggester suggester;

    @Test
    void suggestionsFindMostHandChosenSubjectsInTheTopFive() {
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
        List<GoldSet.Doc> docs = GoldSet.load();
        assertThat(docs).hasSize(20);
        GoldSet.Scores s = GoldSet.score(docs, suggester, 5);
        s.perDocument().forEach(System.out::println);
        System.out.printf("gold set: precision@5 %.3f, recall@5 %.3f%n", s.precision(), s.recall());
        assertThat(s.recall()).as("recall@5").isGreaterThanOrEqualTo(0.5);
        assertThat(s.precision()).as("precision@5").isGreaterThanOrEqualTo(0.3);
    }
}
