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

    /**
     * Over many pairs, from nearly the same to half changed, the estimate is unbiased and within
     * the spread 128 positions allow (one standard deviation is at most 0.045).
     */
    @Test
    void theEstimateIsCloseToTheExactJaccardOverManyPairs() {
        double sumError = 0;
        double worst = 0;
        int pairs = 0;
        for (int seed = 0; seed < 40; seed++) {
            List<String> a = FrenchReports.report(500 + seed, 16);
            List<String> b = new java.util.ArrayList<>(a);
            for (int page = 0; page < seed % 8 + 1; page++) {
                b.set(page * 2, FrenchReports.report(900 + seed * 10 + page, 1).get(0));
            }
            String ta = String.join(" ", a);
            String tb = String.join(" ", b);
            double error = MinHash.similarity(MinHash.signature(ta), MinHash.signature(tb))
                    - jaccard(MinHash.shingles(ta), MinHash.shingles(tb));
            sumError += error;
            worst = Math.max(worst, Math.abs(error));
            pairs++;
        }
        assertThat(sumError / pairs).as("mean error (bias)").isCloseTo(0, within(0.03));
        assertThat(worst).as("worst error").isLessThan(0.15);
    }

    /**
     * A short text (second pages: the first opens with the centre's presentation, shared by all)
     * leaves most of the 128 bins empty: the densification must still estimate fairly.
     */
    @Test
    void shortTextsAreEstimatedToo() {
        String a = String.join(" ", MinHash.words(FrenchReports.report(61, 2).get(1)).subList(0, 60));
        String b = a.replace(MinHash.words(a).get(30), "autrement");
        int[] sa = MinHash.signature(a);
        assertThat(sa).isNotNull();
        assertThat(MinHash.similarity(sa, MinHash.signature(a))).isEqualTo(1.0);
        double truth = jaccard(MinHash.shingles(a), MinHash.shingles(b));
        assertThat(MinHash.similarity(sa, MinHash.signature(b))).isCloseTo(truth, within(0.2));
        String other = String.join(" ", MinHash.words(FrenchReports.report(62, 2).get(1)).subList(0, 60));
        assertThat(MinHash.similarity(sa, MinHash.signature(other))).isLessThan(0.2);
    }

    /**
     * The S-curve of 16 bands of 3 rows: a pair at the 0.8 threshold is a candidate with
     * probability 1 - (1 - 0.8^3)^16, all but one in 10^5; at 0.5 (the lowest threshold allowed),
     * 88 %; and pairs of real reports about 0.8 apart all meet in some bucket.
     */
    @Test
    void pairsAtTheThresholdMeetInABucket() {
        assertThat(candidate(0.8)).isGreaterThan(0.9999);
        assertThat(candidate(0.5)).isGreaterThan(0.85);
        assertThat(candidate(0.1)).isLessThan(0.02);
        for (int seed = 0; seed < 40; seed++) {
            List<String> a = FrenchReports.report(1000 + seed, 20);
            List<String> b = new java.util.ArrayList<>(a);
            b.set(3, FrenchReports.report(2000 + seed, 1).get(0));
            b.set(13, FrenchReports.report(3000 + seed, 1).get(0));
            String ta = String.join(" ", a);
            String tb = String.join(" ", b);
            assertThat(jaccard(MinHash.shingles(ta), MinHash.shingles(tb))).isBetween(0.75, 0.9);
            assertThat(MinHash.bandKeys(MinHash.signature(ta))).containsAnyElementsOf(
                    MinHash.bandKeys(MinHash.signature(tb)));
        }
    }

    private static double candidate(double s) {
        return 1 - Math.pow(1 - Math.pow(s, MinHash.ROWS), MinHash.BANDS);
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
