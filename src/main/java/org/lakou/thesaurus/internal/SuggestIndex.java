package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ConceptSuggestion;

/**
 * Autocomplete over a sorted array of folded label keys: one key per label and one per word start
 * inside it ("prevention de la delinquance", "delinquance", ...), so a prefix is a binary search
 * plus a scan of its matches, O(log n + k), with no allocation per key. Immutable: rebuilt whole on
 * every thesaurus change, which is cheap next to the change itself.
 */
final class SuggestIndex {

    private static final int ALT = 1;
    private static final int WORD = 2;

    private final List<Concept> concepts;
    private final String[] keys;
    private final int[] conceptOf;
    private final byte[] flags;
    private final String[] labels;
    private final String[] langs;
    private final int[] ranks;

    private record Entry(String key, int concept, int flags, String label, String lang) {
    }

    SuggestIndex(List<Concept> concepts) {
        this.concepts = concepts;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            for (var e : c.prefLabels().entrySet()) {
                add(entries, i, 0, e.getValue(), e.getKey());
            }
            for (var e : c.altLabels().entrySet()) {
                for (String label : e.getValue()) {
                    add(entries, i, ALT, label, e.getKey());
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        int n = entries.size();
        keys = new String[n];
        conceptOf = new int[n];
        flags = new byte[n];
        labels = new String[n];
        langs = new String[n];
        ranks = new int[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            keys[i] = e.key();
            conceptOf[i] = e.concept();
            flags[i] = (byte) e.flags();
            labels[i] = e.label();
            langs[i] = e.lang();
            ranks[i] = rank(e.flags(), concepts.get(e.concept()).deprecated(), e.label());
        }
    }

    private static void add(List<Entry> entries, int concept, int kind, String label, String lang) {
        String key = LabelNormalizer.normalize(label);
        if (key.isEmpty()) {
            return;
        }
        String l = lang.intern();
        entries.add(new Entry(key, concept, kind, label, l));
        for (int j = key.indexOf(' '); j >= 0; j = key.indexOf(' ', j + 1)) {
            if (j + 1 < key.length()) {
                entries.add(new Entry(key.substring(j + 1), concept, kind | WORD, label, l));
            }
        }
    }

    int size() {
        return keys.length;
    }

    /**
     * Best match per concept, ranked: a label starting with the prefix before a word inside it,
     * prefLabel before altLabel, live before deprecated, shorter label first. Ranks are precomputed
     * per entry and hits are packed into longs (rank, entry), so a wide prefix such as "a" costs a
     * primitive scan and sort, not objects per match.
     */
    List<ConceptSuggestion> suggest(String prefix, String lang, int limit) {
        String q = LabelNormalizer.normalize(prefix);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String wanted = lang == null || lang.isBlank() ? null : lang.toLowerCase();
        int[] best = new int[concepts.size()];
        Arrays.fill(best, -1);
        int from = lowerBound(q);
        int distinct = 0;
        for (int i = from; i < keys.length && keys[i].startsWith(q); i++) {
            if (wanted != null && !langMatches(langs[i], wanted)) {
                continue;
            }
            int c = conceptOf[i];
            if (best[c] < 0) {
                distinct++;
                best[c] = i;
            } else if (ranks[i] < ranks[best[c]]) {
                best[c] = i;
            }
        }
        long[] hits = new long[distinct];
        int n = 0;
        for (int i = from; n < distinct && i < keys.length; i++) {
            if (best[conceptOf[i]] == i) {
                hits[n++] = ((long) ranks[i] << 32) | i;
            }
        }
        Arrays.sort(hits);
        List<ConceptSuggestion> out = new ArrayList<>(Math.min(limit, hits.length));
        for (int k = 0; k < hits.length && out.size() < limit; k++) {
            int i = (int) hits[k];
            Concept c = concepts.get(conceptOf[i]);
            out.add(new ConceptSuggestion(c.uri(), c.label(wanted == null ? langs[i] : wanted), labels[i], langs[i],
                    (flags[i] & ALT) == 0, c.schemeUri(), c.deprecated()));
        }
        return out;
    }

    private static boolean langMatches(String entryLang, String wanted) {
        return entryLang.isEmpty() || entryLang.equalsIgnoreCase(wanted)
                || entryLang.length() > wanted.length() && entryLang.charAt(wanted.length()) == '-'
                        && entryLang.regionMatches(true, 0, wanted, 0, wanted.length());
    }

    private int rank(int flag, boolean deprecated, String label) {
        int r = (flag & WORD) != 0 ? 1 : 0;
        r = r * 2 + ((flag & ALT) != 0 ? 1 : 0);
        r = r * 2 + (deprecated ? 1 : 0);
        return r * 100_000 + Math.min(label.length(), 99_999);
    }

    private int lowerBound(String q) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].compareTo(q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
