package org.lakou.duplicates.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * MinHash signatures of word shingles, and their LSH band keys. Deterministic: the hashing comes
 * from a fixed seed, so a signature computed today matches one stored years ago and every node
 * computes the same. {@link #SCHEME} names the way signatures and band keys are made: a change of
 * either must bump it, and the start-up backfill then recomputes and refiles every record.
 *
 * <p>Why these numbers: 5-word shingles make word order matter (a shared vocabulary between two
 * reports of the same centre shares few 5-word runs) while one corrected word costs at most 5
 * shingles. 128 values estimate a Jaccard of 0.8 within about ±0.035 (one standard deviation).
 *
 * <p>One-permutation hashing (scheme 2): each shingle is hashed once, the top 7 bits pick one of
 * the 128 bins and the minimum of the low 32 bits is kept per bin; an empty bin (short texts)
 * borrows the value of a non-empty bin chosen by a fixed probe sequence ("optimal densification"),
 * so two texts borrow alike and each position still agrees with probability about the Jaccard.
 * It is one hash per shingle instead of 128: a 6,000-word report is signed in 0.4 ms (p50, measured
 * on a loaded machine) rather than 3.6 ms (quiet), tokenizing now the larger part.
 *
 * <p>16 bands of 3 rows make a pair a candidate with probability 1 - (1 - s^3)^16: 0.99999 at
 * s = 0.8, 0.88 at 0.5, 0.12 at 0.2 and 0.016 at 0.1; 16 bands are 16 bucket documents to read
 * per check, half what the 32 bands of 4 rows of scheme 1 cost (recall at 0.8 was 1 - 5e-8).
 */
final class MinHash {

    static final int SHINGLE = 5;
    static final int HASHES = 128;
    static final int BANDS = 16;
    static final int ROWS = 3;
    /** The signature and band-key scheme: 1 was 128 multiply-shift functions and 32 bands of 4 rows. */
    static final int SCHEME = 2;
    /** Fewer shingles than this (about 24 words) is too little text to judge: a title alone would collide. */
    static final int MIN_SHINGLES = 20;

    private static final long SEED = 0x4c616b6f754e4455L; // fixed: stored signatures depend on it (see SCHEME)
    /** 7 bits of bin number: {@link #HASHES} bins. */
    private static final int BIN_SHIFT = 64 - Integer.numberOfTrailingZeros(HASHES);
    private static final long EMPTY = Long.MAX_VALUE;
    /** Probe attempts before an empty bin takes the next non-empty one: only a text of a few shingles gets there. */
    private static final int PROBES = 1_000;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Marks a separator in {@link #FOLDED}, compared by identity. */
    private static final String SEPARATOR = new String("separator");
    private static final String[] ASCII = new String[128];
    private static final String[] FOLDED = new String[Character.MAX_VALUE + 1];

    static {
        for (char c = 0; c < 128; c++) {
            boolean word = Character.isLetterOrDigit(c);
            ASCII[c] = word ? String.valueOf(Character.toLowerCase(c)) : null;
        }
    }

    private MinHash() {
    }

    /**
     * The words of {@code text}: lower case, accents and ligatures folded (NFKD, marks dropped),
     * anything but letters and digits a separator, so fonts, hyphenation and typography do not count.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text, new StringBuilder(), (hash, word) -> out.add(word.toString()));
        return out;
    }

    /** The signature of {@code text}, or null when it has fewer than {@link #MIN_SHINGLES} shingles. */
    static int[] signature(String text) {
        WordHashes words = new WordHashes();
        tokenize(text, null, words);
        int n = words.count - SHINGLE + 1;
        if (n < MIN_SHINGLES) {
            return null;
        }
        long[] bins = new long[HASHES];
        Arrays.fill(bins, EMPTY);
        for (int i = 0; i < n; i++) {
            long z = mix(shingle(words.hashes, i) ^ SEED);
            int bin = (int) (z >>> BIN_SHIFT);
            bins[bin] = Math.min(bins[bin], z & 0xffffffffL);
        }
        return densified(bins);
    }

    /** Each empty bin takes the value of the first non-empty bin its own probe sequence hits. */
    private static int[] densified(long[] bins) {
        int[] sig = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            sig[i] = (int) (bins[i] != EMPTY ? bins[i] : bins[donor(bins, i)]);
        }
        return sig;
    }

    private static int donor(long[] bins, int empty) {
        for (int attempt = 1; attempt <= PROBES; attempt++) {
            int j = (int) (mix(SEED + (long) empty * 0x9e3779b97f4a7c15L + attempt) >>> BIN_SHIFT);
            if (bins[j] != EMPTY) {
                return j;
            }
        }
        for (int k = 1; ; k++) { // never endless: a signed text has at least one shingle
            int j = (empty + k) % HASHES;
            if (bins[j] != EMPTY) {
                return j;
            }
        }
    }

    /** One 64-bit hash per run of {@link #SHINGLE} consecutive words. */
    static long[] shingles(String text) {
        WordHashes words = new WordHashes();
        tokenize(text, null, words);
        return shinglesOf(words.hashes, words.count);
    }

    private static long[] shinglesOf(long[] words, int count) {
        int n = count - SHINGLE + 1;
        if (n <= 0) {
            return new long[0];
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = shingle(words, i);
        }
        return out;
    }

    private static long shingle(long[] words, int from) {
        long h = 0;
        for (int j = 0; j < SHINGLE; j++) {
            h = mix(h * 31 + words[from + j]);
        }
        return h;
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
        for (int band = 0; band < BANDS; band++) {
            keys.add(bandKey(sig, band));
        }
        return keys;
    }

    /** The bucket key of one band: two digits of band number, a colon, 16 hex digits of its rows' hash. */
    static String bandKey(int[] sig, int band) {
        long h = band;
        for (int r = 0; r < ROWS; r++) {
            h = mix(h * 31 + (sig[band * ROWS + r] & 0xffffffffL));
        }
        return (band < 10 ? "0" : "") + band + ":" + HexFormat.of().toHexDigits(h);
    }

    /** Receives each word: its hash and, when the tokenizer was given a builder, its folded text. */
    private interface WordSink {
        void word(long hash, CharSequence text);
    }

    private static final class WordHashes implements WordSink {
        long[] hashes = new long[1024];
        int count;

        @Override
        public void word(long hash, CharSequence text) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = hash;
        }
    }

    /**
     * One pass over the characters, no regular expression and no string per word: ASCII letters and
     * digits are folded inline, other characters through {@link #fold} (cached per character). Each
     * word's hash is FNV-1a over its folded characters, then mixed.
     */
    private static void tokenize(String text, StringBuilder keep, WordSink sink) {
        if (text == null) {
            return;
        }
        long h = FNV_OFFSET;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String folded = c < 128 ? ASCII[c] : fold(c);
            if (folded == null) {
                if (length > 0) {
                    sink.word(mix(h), keep);
                    h = FNV_OFFSET;
                    length = 0;
                    if (keep != null) {
                        keep.setLength(0);
                    }
                }
                continue;
            }
            for (int j = 0; j < folded.length(); j++) {
                h = (h ^ folded.charAt(j)) * FNV_PRIME;
                length++;
            }
            if (keep != null) {
                keep.append(folded);
            }
        }
        if (length > 0) {
            sink.word(mix(h), keep);
        }
    }

    /** A letter or digit folded to lower case without marks; "" for a combining mark; null for a separator. */
    private static String fold(char c) {
        String cached = FOLDED[c];
        if (cached == null) {
            cached = computeFold(c);
            FOLDED[c] = cached; // a benign race: every thread computes the same immutable string
        }
        return cached == SEPARATOR ? null : cached;
    }

    private static String computeFold(char c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return "";
        }
        if (!Character.isLetterOrDigit(c)) {
            return SEPARATOR;
        }
        StringBuilder out = new StringBuilder(2);
        Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).chars()
                .filter(Character::isLetterOrDigit).forEach(ch -> out.append((char) ch));
        return out.isEmpty() ? SEPARATOR : out.toString();
    }

    /** The finaliser of SplitMix64: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
