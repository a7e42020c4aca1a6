package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lakou.duplicates.FrenchReports;

class MinHashTest {

    @Test
    void accentsLigaturesCaseAndPunctuationDoNotCount() {
        assertThat(MinHash.words("La MÉDIATION « sociale », ﬁnancée à 80 %"))
                .containsExactly("la", "mediation", "sociale", "financee", "a", "80");
    }

    @Test
    void theSignatureIsDeterministicAndTooShortATextHasNone() {
        String text = String.join(" ", FrenchReports.report(1, 2));
        assertThat(MinHash.signature(text)).hasSize(MinHash.HASHES).isEqualTo(MinHash.signature(text));
        assertThat(MinHash.signature("Rapport d'activité 2019 du centre de ressources")).isNull();
        assertThat(MinHash.signature(null)).isNull();
    }

    @Test
    void theEstimateFollowsTheTrueJaccardOfShingles() {
        List<String> a = FrenchReports.report(11, 12);
        List<String> b = new java.util.ArrayList<>(a);
        b.set(4, FrenchReports.report(12, 1).get(0));
        b.set(9, FrenchReports.report(13, 1).get(0));
        String ta = String.join(" ", a);
        String tb = String.join(" ", b);
        double truth = jaccard(MinHash.shingles(ta), MinHash.shingles(tb));
        assertThat(truth).isBetween(0.6, 0.9);
        // 128 hashes: one standard deviation is about 0.04 here; 3 of them would be a broken estimator
        assertThat(MinHash.similarity(MinHash.signature(ta), MinHash.signature(tb))).isCloseTo(truth, within(0.12));
    }

    @Test
    void differentReportsOfOneCentreAreFarApartAndShareNoBucket() {
        int[] a = MinHash.signature(String.join(" ", FrenchReports.report(21, 10)));
        int[] b = MinHash.signature(String.join(" ", FrenchReports.report(22, 10)));
        assertThat(MinHash.similarity(a, b)).isLessThan(0.3);
        assertThat(MinHash.bandKeys(a)).doesNotContainAnyElementsOf(MinHash.bandKeys(b));
    }

    @Test
    void nearDuplicatesShareABucket() {
        List<String> pages = FrenchReports.report(31, 15);
        List<String> changed = new java.util.ArrayList<>(pages);
        changed.set(7, FrenchReports.report(32, 1).get(0));
        List<String> a = MinHash.bandKeys(MinHash.signature(String.join(" ", pages)));
        List<String> b = MinHash.bandKeys(MinHash.signature(String.join(" ", changed)));
        assertThat(a).hasSize(MinHash.BANDS).doesNotHaveDuplicates();
        assertThat(a).containsAnyElementsOf(b);
        assertThat(a.get(3)).startsWith("03:").hasSize(3 + 16);
    }

    @Test
    void signaturesSurviveTheirBinaryForm() {
        int[] sig = MinHash.signature(String.join(" ", FrenchReports.report(41, 1)));
        assertThat(SignatureStore.decode(SignatureStore.encode(sig))).isEqualTo(sig);
    }

    private static double jaccard(long[] a, long[] b) {
        Set<Long> sa = new HashSet<>(Arrays.stream(a).boxed().toList());
        Set<Long> sb = new HashSet<>(Arrays.stream(b).boxed().toList());
        Set<Long> inter = new HashSet<>(sa);
        inter.retainAll(sb);
        Set<Long> union = new HashSet<>(sa);
        union.addAll(sb);
        return (double) inter.size() / union.size();
    }
}
