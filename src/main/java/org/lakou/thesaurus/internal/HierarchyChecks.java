package org.lakou.thesaurus.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.SKOS;

/** Structural findings: cycles, dangling and contradictory links, orphans, missing inverses. */
final class HierarchyChecks {

    private HierarchyChecks() {
    }

    static void run(SkosView v, Findings f, Predicate<String> knownElsewhere) {
        cycles(v, f);
        v.statedBroader.forEach((c, bs) -> bs.stream()
                .filter(b -> !v.described.contains(b) && !knownElsewhere.test(b))
                .forEach(b -> f.warn("unknown-broader", c, "skos:broader points to " + b + ", which is described nowhere")));
        for (String c : v.concepts) {
            boolean hasBroader = !v.broader.getOrDefault(c, Set.of()).isEmpty();
            boolean isTop = v.top.contains(c);
            if (!hasBroader && !isTop && v.described.contains(c)) {
                f.warn("orphan-concept", c, "Neither a top concept nor under a broader concept");
            }
            if (hasBroader && isTop) {
                f.warn("top-concept-with-broader", c, "Top concept that also has a broader concept");
            }
            Set<String> bs = v.broader.getOrDefault(c, Set.of());
            if (bs.contains(c) || v.related.getOrDefault(c, Set.of()).contains(c)) {
                f.warn("reflexive-relation", c, "Concept is related to or broader than itself");
            }
            for (String b : bs) {
                for (String other : bs) {
                    if (!other.equals(b) && !other.equals(c) && v.ancestors(b, false).contains(other)) {
                        f.warn("hierarchical-redundancy", c, "Broader " + other + " is already an ancestor through " + b);
                    }
                }
            }
        }
        v.related.forEach((a, bs) -> bs.forEach(b -> {
            if (!a.equals(b) && (v.ancestors(a, true).contains(b) || v.ancestors(b, true).contains(a))) {
                f.warn("related-broader-clash", a, "Related to " + b + ", which is also in its hierarchy");
            }
        }));
        inverses(v, f);
        mappingClashes(v, f);
        if (v.model.contains(null, SKOS.broaderTransitive, (RDFNode) null)
                || v.model.contains(null, SKOS.narrowerTransitive, (RDFNode) null)) {
            f.warn("solitary-transitive-relation", null,
                    "skos:broaderTransitive/narrowerTransitive are asserted; they are meant to be inferred");
        }
        for (String s : v.schemes) {
            if (v.inScheme.entrySet().stream().noneMatch(e -> e.getValue().contains(s) && v.top.contains(e.getKey()))) {
                f.warn("missing-top-concepts", s, "Concept scheme has no top concept");
            }
        }
    }

    private static void inverses(SkosView v, Findings f) {
        v.statedBroader.forEach((c, bs) -> bs.forEach(b -> {
            if (!v.statedNarrower.getOrDefault(b, Set.of()).contains(c)) {
                f.warn("omitted-inverse", c, "skos:broader " + b + " without the inverse skos:narrower");
            }
        }));
        v.statedNarrower.forEach((c, ns) -> ns.forEach(n -> {
            if (!v.statedBroader.getOrDefault(n, Set.of()).contains(c)) {
                f.warn("omitted-inverse", c, "skos:narrower " + n + " without the inverse skos:broader");
            }
        }));
        v.model.listStatements(null, SKOS.related, (RDFNode) null).forEachRemaining(st -> {
            if (st.getObject().isResource() && !st.getObject().asResource().hasProperty(SKOS.related, st.getSubject())) {
                f.warn("omitted-inverse", SkosView.key(st.getSubject()),
                        "skos:related " + SkosView.key(st.getObject()) + " is not stated both ways");
            }
        });
    }

    private static void mappingClashes(SkosView v, Findings f) {
        for (String m : SkosTerms.MAPPINGS) {
            v.model.listStatements(null, v.model.createProperty(SKOS.uri + m), (RDFNode) null).forEachRemaining(st -> {
                String a = SkosView.key(st.getSubject());
                String b = SkosView.key(st.getObject());
                Set<String> shared = new HashSet<>(v.inScheme.getOrDefault(a, Set.of()));
                shared.retainAll(v.inScheme.getOrDefault(b, Set.of()));
                if (!shared.isEmpty()) {
                    f.warn("mapping-within-scheme", a, "skos:" + m + " to " + b + " in the same scheme; use broader/related");
                }
            });
        }
        v.model.listStatements(null, SKOS.exactMatch, (RDFNode) null).forEachRemaining(st -> {
            if (!st.getObject().isResource()) {
                return;
            }
            String a = SkosView.key(st.getSubject());
            String b = SkosView.key(st.getObject());
            if (v.related.getOrDefault(a, Set.of()).contains(b) || v.related.getOrDefault(b, Set.of()).contains(a)
                    || v.ancestors(a, true).contains(b) || v.ancestors(b, true).contains(a)) {
                f.warn("mapping-clash", a, "skos:exactMatch " + b + " clashes with an associative or hierarchical link");
            }
        });
    }

    /** Strongly connected components of the broader graph (iterative Tarjan: deep hierarchies are fine). */
    private static void cycles(SkosView v, Findings f) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int[] counter = {0};
        for (String root : v.broader.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, new ArrayList<>(v.broader.getOrDefault(root, Set.of())).iterator()});
            index.put(root, counter[0]);
            low.put(root, counter[0]++);
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String node = (String) frame[0];
                @SuppressWarnings("unchecked")
                var it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String next = it.next();
                    if (!index.containsKey(next)) {
                        index.put(next, counter[0]);
                        low.put(next, counter[0]++);
                        stack.push(next);
                        onStack.add(next);
                        work.push(new Object[] {next, new ArrayList<>(v.broader.getOrDefault(next, Set.of())).iterator()});
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    List<String> component = new ArrayList<>();
                    String x;
                    do {
                        x = stack.pop();
                        onStack.remove(x);
                        component.add(x);
                    } while (!x.equals(node));
                    if (component.size() > 1 || v.broader.getOrDefault(node, Set.of()).contains(node)) {
                        component.sort(null);
                        f.warn("broader-cycle", component.get(0), "skos:broader cycle through "
                                + String.join(", ", component.subList(0, Math.min(10, component.size()))));
                    }
                }
            }
        }
    }
}
