package org.lakou.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;

class SubjectRemapTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private Record withSubjects(String title, String... subjects) {
        return catalogue.create(new RecordFields(title, null, List.of(), null, "2011", "étude", "fr", null,
                List.of(subjects), List.of(), null, AccessLevel.PUBLIC));
    }

    @Test
    void deprecatedSubjectsAreReplacedOrFlagged() {
        String n = "urn:test:" + System.nanoTime() + ":";
        Record replaced = withSubjects("Remplacé", n + "old", n + "keep");
        Record flagged = withSubjects("Signalé", n + "gone");
        Record untouched = withSubjects("Intact", n + "keep");

        var outcome = catalogue.remapSubjects(new SubjectRemap(Map.of(n + "old", n + "new"), Set.of(n + "gone")));

        assertThat(outcome.remapped()).containsExactly(replaced.id());
        assertThat(outcome.flagged()).containsExactly(flagged.id());
        Record r = catalogue.get(replaced.id());
        assertThat(r.subjects()).containsExactly(n + "new", n + "keep");
        assertThat(r.version()).as("a remap is a versioned change, so it is re-indexed").isGreaterThan(replaced.version());
        assertThat(catalogue.get(flagged.id()).reviewNotes()).singleElement().asString().contains(n + "gone");
        assertThat(catalogue.get(untouched.id()).version()).isEqualTo(untouched.version());
    }
}
