package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.thesaurus.FixtureScheme;
import org.lakou.thesaurus.SchemeDiff;

class SchemeDifferTest {

    private static final String EX = Fixtures.BASE + "/";

    @Test
    void diffNamesEveryKindOfChange() {
        SchemeDiff d = SchemeDiffer.diff("fixture", 1, 2, Fixtures.state(FixtureScheme.v1(Fixtures.BASE), 1).concepts(),
                Fixtures.state(FixtureScheme.v2(Fixtures.BASE), 2).concepts());
        assertThat(d.added()).containsExactly(EX + "c");
        assertThat(d.removed()).containsExactly(EX + "gone");
        assertThat(d.relabelled()).containsExactlyInAnyOrder(
                new SchemeDiff.Relabel(EX + "a1", "fr", "Médiation", "Médiation sociale"),
                new SchemeDiff.Relabel(EX + "a1", "en", null, "Social mediation"));
        assertThat(d.moved()).containsExactly(new SchemeDiff.Move(EX + "a2", List.of(EX + "a"), List.of(EX + "b")));
        assertThat(d.deprecated()).containsExactlyInAnyOrder(new SchemeDiff.Deprecation(EX + "old", EX + "b1"),
                new SchemeDiff.Deprecation(EX + "dead", null));
        assertThat(SchemeDiffer.touched(d)).containsExactlyInAnyOrder(EX + "c", EX + "gone", EX + "a1", EX + "a2",
                EX + "old", EX + "dead");
    }

    @Test
    void sameVersionHasNoDiff() {
        var v1 = Fixtures.state(FixtureScheme.v1(Fixtures.BASE), 1).concepts();
        assertThat(SchemeDiffer.diff("fixture", 1, 1, v1, v1).isEmpty()).isTrue();
    }
}
