package org.lakou.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.lakou.search.QueryExpansion;
import org.lakou.search.SearchQuery.Expand;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Component;

/**
 * Widens a query with the thesaurus: the whole query, then word n-grams (longest first), are
 * looked up as concept labels; each span that names a concept becomes
 * {@code (span OR "other label" OR ...)}, with the concept's pref and alt labels in every
 * language, and with {@link Expand#NARROWER} those of all its narrower concepts. Only plain
 * queries (words, apostrophes, hyphens) are expanded: a query written with Solr syntax says
 * exactly what its author wants.
 */
@Component
class QueryExpander {

    record Expanded(String q, List<QueryExpansion> expansions) {
        boolean applied() {
            return !expansions.isEmpty();
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}'’\\- ]+");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    private static final int MAX_WORDS = 12;
    private static final int MAX_NGRAM = 6;
    /** Bounds the clauses: each label is a phrase over every query field. */
    static final int MAX_LABELS = 40;

    private final ThesaurusApi thesaurus;

    QueryExpander(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    Expanded expand(String q, String lang, Expand mode) {
        if (q == null || mode == Expand.NONE || !PLAIN.matcher(q).matches()) {
            return new Expanded(q, List.of());
        }
        String[] words = q.strip().split("\\s+");
        if (words.length == 0 || words.length > MAX_WORDS) {
            return new Expanded(q, List.of());
        }
        for (String w : words) {
            if (OPERATORS.contains(w) || w.startsWith("-")) {
                return new Expanded(q, List.of());
            }
        }
        Concept[] at = new Concept[words.length];
        int[] length = new int[words.length];
        boolean[] covered = new boolean[words.length];
        for (int len = Math.min(MAX_NGRAM, words.length); len >= 1; len--) {
            for (int i = 0; i + len <= words.length; i++) {
                if (anyCovered(covered, i, len)) {
                    continue;
                }
                Optional<Concept> c = thesaurus.findByLabel(String.join(" ", List.of(words).subList(i, i + len)), lang);
                if (c.isPresent() && !c.get().deprecated()) {
                    at[i] = c.get();
                    length[i] = len;
                    for (int k = i; k < i + len; k++) {
                        covered[k] = true;
                    }
                }
            }
        }
        List<QueryExpansion> expansions = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; ) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (at[i] == null) {
                out.append(words[i]);
                i++;
                continue;
            }
            String term = String.join(" ", List.of(words).subList(i, i + length[i]));
            QueryExpansion e = expansion(term, at[i], lang, mode == Expand.NARROWER);
            if (e.addedLabels().isEmpty()) {
                out.append(term);
            } else {
                expansions.add(e);
                out.append("((").append(term).append(')');
                e.addedLabels().forEach(l -> out.append(" OR \"").append(l).append('"'));
                out.append(')');
            }
            i += length[i];
        }
        return new Expanded(expansions.isEmpty() ? q : out.toString(), expansions);
    }

    private QueryExpansion expansion(String term, Concept c, String lang, boolean narrower) {
        Set<String> labels = new LinkedHashSet<>(RecordDocuments.labelsOf(c));
        if (narrower) {
            for (String uri : thesaurus.descendants(c.uri())) {
                thesaurus.concept(uri).filter(n -> !n.deprecated()).ifPresent(n -> labels.addAll(RecordDocuments.labelsOf(n)));
            }
        }
        String folded = SuggestionRanker.fold(term);
        List<String> added = labels.stream()
                .map(l -> l.replace("\"", " ").replace("\\", " ").strip())
                .filter(l -> !l.isEmpty() && !SuggestionRanker.fold(l).equals(folded))
                .distinct()
                .limit(MAX_LABELS)
                .toList();
        return new QueryExpansion(term, c.uri(), c.label(lang), added, narrower);
    }

    private static boolean anyCovered(boolean[] covered, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (covered[k]) {
                return true;
            }
        }
        return false;
    }
}
