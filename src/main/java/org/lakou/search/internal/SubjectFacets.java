package org.lakou.search.internal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.lakou.search.SubjectFacetNode;
import org.lakou.thesaurus.Concept;

/**
 * Builds the subject facet tree from the counts on {@code subject_ancestors} (ancestor-or-self
 * URIs): each concept hangs under its first broader concept that also has a count, so in a
 * polyhierarchy a concept shows once. Counts need no arithmetic here: Solr already counted each
 * record once per node. Siblings go by descending count, then label. Pure.
 */
final class SubjectFacets {

    private SubjectFacets() {
    }

    static List<SubjectFacetNode> tree(Map<String, Long> counts, Function<String, Optional<Concept>> concepts,
            String lang) {
        Map<String, Concept> known = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        counts.keySet().forEach(uri -> concepts.apply(uri).ifPresent(c -> known.put(uri, c)));
        for (String uri : counts.keySet()) {
            Concept c = known.get(uri);
            String parent = c == null ? null
                    : c.broader().stream().filter(b -> counts.containsKey(b) && !b.equals(uri)).findFirst().orElse(null);
            if (parent == null) {
                roots.add(uri);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(uri);
            }
        }
        Set<String> seen = new HashSet<>();
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        List<SubjectFacetNode> out = nodes(roots, counts, known, children, lang, seen, collator);
        // a broader cycle leaves nodes no root reaches: show them at the top rather than lose them
        List<String> orphans = counts.keySet().stream().filter(u -> !seen.contains(u)).toList();
        if (!orphans.isEmpty()) {
            List<SubjectFacetNode> all = new ArrayList<>(out);
            all.addAll(nodes(orphans, counts, known, Map.of(), lang, seen, collator));
            all.sort(order(collator));
            return all;
        }
        return out;
    }

    private static List<SubjectFacetNode> nodes(List<String> uris, Map<String, Long> counts, Map<String, Concept> known,
            Map<String, List<String>> children, String lang, Set<String> seen, Collator collator) {
        List<SubjectFacetNode> out = new ArrayList<>();
        for (String uri : uris) {
            if (!seen.add(uri)) {
                continue;
            }
            Concept c = known.get(uri);
            List<SubjectFacetNode> kids = nodes(children.getOrDefault(uri, List.of()), counts, known, children, lang,
                    seen, collator);
            out.add(new SubjectFacetNode(uri, c == null ? uri : c.label(lang), counts.get(uri), kids));
        }
        out.sort(order(collator));
        return out;
    }

    private static Comparator<SubjectFacetNode> order(Collator collator) {
        return Comparator.comparingLong(SubjectFacetNode::count).reversed()
                .thenComparing(SubjectFacetNode::label, collator)
                .thenComparing(SubjectFacetNode::uri);
    }
}
