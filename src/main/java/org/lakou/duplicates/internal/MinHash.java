package org.lakou.duplicates.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * MinHash signatures of word shingles, and their LSH band keys. Deterministic: the hash functions
 * come from a fixed seed, so a signature computed today matches one stored years ago and every
 * node computes the same.
 *
 * <p>Why these numbers: 5-word shingles make word order matter (a shared vocabulary between two
 * reports of the same centre shares few 5-word runs) while one corrected word costs at most 5
 * shingles. 128 functions estimate a Jaccard of 0.8 within about ±0.035 (one standard deviation).
 * 32 bands of 4 rows make a pair a candidate with probability 1 - (1 - s^4)^32: 0.99999995 at
 * s = 0.8, 0.988 at 0.6, 0.23 at 0.3 and 0.003 at 0.1, so no pair near the threshold is missed
 * and the candidates to check stay few (unrelated texts share almost no 5-word shingles).
 */
final class MinHash {

    static final int SHINGLE = 5;
    static final int HASHES = 128;
    static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    /** Fewer shingles than this (about 24 words) is too little text to judge: a title alone would collide. */
    static final int MIN_SHINGLES = 20;

    private static final long SEED = 0x4c616b6f754e4455L; // fixed forever: stored signatures depend on it
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < HASHES; i++) {
            A[i] = random.nextLong() | 1L; // odd multipliers: multiply-shift hashing is then universal
            B[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    /** Lower case, accents and ligatures folded (NFKD), words only: fonts and hyphenation do not matter. */
    static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NON_WORD.splitAsStream(folded).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** The signature of {@code text}, or null when it has fewer than {@link #MIN_SHINGLES} shingles. */
    static int[] signature(String text) {
        long[] shingles = shingles(words(text));
        if (shingles.length < MIN_SHINGLES) {
            return null;
        }
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = (A[i] * x + B[i]) >>> 32; // the high half of a multiply-add: 32 well-mixed bits
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        int[] sig = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            sig[i] = (int) min[i];
        }
        return sig;
    }

    /** One 64-bit hash per run of {@link #SHINGLE} consecutive words. */
    static long[] shingles(String[] words) {
        int n = words.length - SHINGLE + 1;
        if (n <= 0) {
            return new long[0];
        }
        long[] wordHashes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            wordHashes[i] = wordHash(words[i]);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0;
            for (int j = 0; j < SHINGLE; j++) {
                h = mix(h * 31 + wordHashes[i + j]);
            }
            out[i] = h;
        }
        return out;
    }

    /** The share of positions where two signatures agree: an unbiased estimate of the Jaccard resemblance. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** The bucket key of each band: the band number and a hash of its rows, e.g. {@code 07:9f3a…}. */
    static List<String> bandKeys(int[] sig) {
        List<String> keys = new ArrayList<>(BANDS);
        HexFormat hex = HexFormat.of();
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + (sig[band * ROWS + r] & 0xffffffffL));
            }
            keys.add(String.format("%02d:", band) + hex.toHexDigits(h));
        }
        return keys;
    }

    /** FNV-1a over the characters, then mixed. */
    private static long wordHash(String w) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < w.length(); i++) {
            h = (h ^ w.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The finaliser of SplitMix64: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
