package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lakou.thesaurus.Concept;

/** Exact folded-label lookup (pref, alt and hidden labels), for query expansion. */
final class LabelLookup {

    private record Hit(Concept concept, int kind, String lang) {
    }

    private final Map<String, List<Hit>> byLabel = new HashMap<>();

    LabelLookup(List<Concept> concepts) {
        for (Concept c : concepts) {
            c.prefLabels().forEach((lang, label) -> put(label, new Hit(c, 0, lang)));
            c.altLabels().forEach((lang, labels) -> labels.forEach(l -> put(l, new Hit(c, 1, lang))));
            c.hiddenLabels().forEach((lang, labels) -> labels.forEach(l -> put(l, new Hit(c, 2, lang))));
        }
    }

    private void put(String label, Hit hit) {
        String key = LabelNormalizer.normalize(label);
        if (!key.isEmpty()) {
            byLabel.computeIfAbsent(key, k -> new ArrayList<>(1)).add(hit);
        }
    }

    /** Live concepts before deprecated ones, then labels in {@code lang}, then prefLabel, alt, hidden. */
    Optional<Concept> find(String label, String lang) {
        List<Hit> hits = byLabel.getOrDefault(LabelNormalizer.normalize(label), List.of());
        return hits.stream().min((a, b) -> Integer.compare(score(a, lang), score(b, lang))).map(Hit::concept);
    }

    private static int score(Hit h, String lang) {
        boolean langMatch = lang == null || lang.isBlank() || h.lang().isEmpty() || h.lang().startsWith(lang);
        return (h.concept().deprecated() ? 100 : 0) + (langMatch ? 0 : 10) + h.kind();
    }
}
