package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lakou.thesaurus.SchemeDiff;

/** Compares two versions concept by concept (as extracted for reading, so both sides agree). */
final class SchemeDiffer {

    private SchemeDiffer() {
    }

    static SchemeDiff diff(String schemeId, int from, int to, List<ConceptData> before, List<ConceptData> after) {
        Map<String, ConceptData> a = index(before);
        Map<String, ConceptData> b = index(after);
        List<String> added = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        List<String> removed = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        List<SchemeDiff.Relabel> relabelled = new ArrayList<>();
        List<SchemeDiff.Move> moved = new ArrayList<>();
        List<SchemeDiff.Deprecation> deprecated = new ArrayList<>();
        List<String> reinstated = new ArrayList<>();
        for (var e : b.entrySet()) {
            ConceptData old = a.get(e.getKey());
            ConceptData now = e.getValue();
            if (old == null) {
                if (now.deprecated()) {
                    deprecated.add(new SchemeDiff.Deprecation(now.uri(), now.replacedBy()));
                }
                continue;
            }
            for (String lang : new TreeSet<>(union(old.prefLabels().keySet(), now.prefLabels().keySet()))) {
                String x = old.prefLabels().get(lang);
                String y = now.prefLabels().get(lang);
                if (!Objects.equals(x, y)) {
                    relabelled.add(new SchemeDiff.Relabel(now.uri(), lang, x, y));
                }
            }
            if (!old.broader().equals(now.broader())) {
                moved.add(new SchemeDiff.Move(now.uri(), List.copyOf(old.broader()), List.copyOf(now.broader())));
            }
            if (now.deprecated() && (!old.deprecated() || !Objects.equals(old.replacedBy(), now.replacedBy()))) {
                deprecated.add(new SchemeDiff.Deprecation(now.uri(), now.replacedBy()));
            }
            if (old.deprecated() && !now.deprecated()) {
                reinstated.add(now.uri());
            }
        }
        return new SchemeDiff(schemeId, from, to, added, removed, relabelled, moved, deprecated, reinstated);
    }

    /** Every concept the diff names: what search must re-index (with descendants, added by the caller). */
    static TreeSet<String> touched(SchemeDiff d) {
        TreeSet<String> out = new TreeSet<>(d.added());
        out.addAll(d.removed());
        d.relabelled().forEach(r -> out.add(r.uri()));
        d.moved().forEach(m -> out.add(m.uri()));
        d.deprecated().forEach(x -> out.add(x.uri()));
        out.addAll(d.reinstated());
        return out;
    }

    private static Map<String, ConceptData> index(List<ConceptData> list) {
        return list.stream().collect(Collectors.toMap(ConceptData::uri, Function.identity(), (x, y) -> x, TreeMap::new));
    }

    private static java.util.Set<String> union(java.util.Set<String> x, java.util.Set<String> y) {
        java.util.Set<String> s = new TreeSet<>(x);
        s.addAll(y);
        return s;
    }
}
