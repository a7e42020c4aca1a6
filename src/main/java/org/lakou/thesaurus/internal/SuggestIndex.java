package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            keys[i] = e.key();
            conceptOf[i] = e.concept();
            flags[i] = (byte) e.flags();
            labels[i] = e.label();
            langs[i] = e.lang();
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
     * prefLabel before altLabel, live before deprecated, shorter label first.
     */
    List<ConceptSuggestion> suggest(String prefix, String lang, int limit) {
        String q = LabelNormalizer.normalize(prefix);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String wanted = lang == null || lang.isBlank() ? null : lang.toLowerCase();
        Map<Integer, Integer> best = new HashMap<>();
        for (int i = lowerBound(q); i < keys.length && keys[i].startsWith(q); i++) {
            if (wanted != null && !langs[i].isEmpty() && !langs[i].equalsIgnoreCase(wanted)
                    && !langs[i].toLowerCase().startsWith(wanted + "-")) {
                continue;
            }
            best.merge(conceptOf[i], i, (a, b) -> rank(a) <= rank(b) ? a : b);
        }
        Integer[] hits = best.values().toArray(Integer[]::new);
        Arrays.sort(hits, Comparator.comparingLong(this::rank).thenComparing(i -> labels[i]));
        List<ConceptSuggestion> out = new ArrayList<>(Math.min(limit, hits.length));
        for (int k = 0; k < hits.length && out.size() < limit; k++) {
            int i = hits[k];
            Concept c = concepts.get(conceptOf[i]);
            out.add(new ConceptSuggestion(c.uri(), c.label(wanted == null ? langs[i] : wanted), labels[i], langs[i],
                    (flags[i] & ALT) == 0, c.schemeUri(), c.deprecated()));
        }
        return out;
    }

    private long rank(int i) {
        long r = (flags[i] & WORD) != 0 ? 1 : 0;
        r = r * 2 + ((flags[i] & ALT) != 0 ? 1 : 0);
        r = r * 2 + (concepts.get(conceptOf[i]).deprecated() ? 1 : 0);
        return r * 100_000 + Math.min(labels[i].length(), 99_999);
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
