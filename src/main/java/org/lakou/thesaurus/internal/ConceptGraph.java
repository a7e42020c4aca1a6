package org.lakou.thesaurus.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.lakou.thesaurus.Concept;

/**
 * An immutable snapshot of everything current: every scheme's concepts merged (inverse links
 * across schemes, local concepts under national ones), depths, the autocomplete and label
 * indexes, and a read-only union graph for SPARQL. Replaced whole on every change.
 */
final class ConceptGraph {

    static final ConceptGraph EMPTY = new ConceptGraph(List.of());

    final Map<String, SchemeState> schemes = new LinkedHashMap<>();
    final Map<String, Concept> byUri = new HashMap<>();
    final List<Concept> all;
    final SuggestIndex suggest;
    final LabelLookup labels;
    final Graph union;
    private final Map<String, List<Concept>> topByScheme = new HashMap<>();

    ConceptGraph(Collection<SchemeState> states) {
        Map<String, ConceptData> data = new LinkedHashMap<>();
        Map<String, Set<String>> broader = new HashMap<>();
        Map<String, Set<String>> narrower = new HashMap<>();
        Map<String, Set<String>> related = new HashMap<>();
        for (SchemeState s : states) {
            schemes.put(s.id(), s);
            for (ConceptData d : s.concepts()) {
                data.putIfAbsent(d.uri(), d);
                broader.computeIfAbsent(d.uri(), k -> new TreeSet<>()).addAll(d.broader());
                related.computeIfAbsent(d.uri(), k -> new TreeSet<>()).addAll(d.related());
            }
        }
        for (ConceptData d : allData(states)) {
            for (String n : d.narrower()) {
                if (data.containsKey(n)) {
                    broader.get(n).add(d.uri());
                }
            }
            for (String r : d.related()) {
                if (data.containsKey(r)) {
                    related.get(r).add(d.uri());
                }
            }
        }
        broader.forEach((c, bs) -> bs.forEach(b -> narrower.computeIfAbsent(b, k -> new TreeSet<>()).add(c)));
        Map<String, Integer> depth = depths(data.keySet(), broader, narrower);
        List<Concept> list = new ArrayList<>(data.size());
        for (ConceptData d : data.values()) {
            Concept c = new Concept(d.uri(), d.schemeUri(), d.prefLabels(), d.altLabels(), d.hiddenLabels(),
                    List.copyOf(broader.get(d.uri())), List.copyOf(narrower.getOrDefault(d.uri(), Set.of())),
                    List.copyOf(related.get(d.uri())), d.notes(), d.mappings(), d.deprecated(), d.replacedBy(),
                    depth.getOrDefault(d.uri(), 0), d.notation(), d.top(), d.local());
            list.add(c);
            byUri.put(c.uri(), c);
        }
        list.sort(Comparator.comparing(Concept::uri));
        all = List.copyOf(list);
        for (SchemeState s : states) {
            List<Concept> tops = s.concepts().stream().filter(ConceptData::top).map(d -> byUri.get(d.uri())).toList();
            if (tops.isEmpty()) {
                tops = s.concepts().stream().map(d -> byUri.get(d.uri()))
                        .filter(c -> c.broader().stream().noneMatch(byUri::containsKey)).toList();
            }
            topByScheme.put(s.uri(), tops.stream().sorted(Comparator.comparing(c -> c.label("fr"))).toList());
        }
        suggest = new SuggestIndex(all);
        labels = new LabelLookup(all);
        MultiUnion mu = new MultiUnion();
        states.forEach(s -> mu.addGraph(s.model().getGraph()));
        union = mu;
    }

    private static List<ConceptData> allData(Collection<SchemeState> states) {
        return states.stream().flatMap(s -> s.concepts().stream()).toList();
    }

    /** Shortest distance from a concept without known broader; concepts only reachable in a cycle get 0. */
    private static Map<String, Integer> depths(Set<String> known, Map<String, Set<String>> broader,
            Map<String, Set<String>> narrower) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String c : known) {
            if (broader.get(c).stream().noneMatch(known::contains)) {
                depth.put(c, 0);
                todo.add(c);
            }
        }
        while (!todo.isEmpty()) {
            String c = todo.poll();
            for (String n : narrower.getOrDefault(c, Set.of())) {
                if (known.contains(n) && !depth.containsKey(n)) {
                    depth.put(n, depth.get(c) + 1);
                    todo.add(n);
                }
            }
        }
        return depth;
    }

    SchemeState scheme(String idOrUri) {
        SchemeState s = schemes.get(idOrUri);
        return s != null ? s : schemes.values().stream().filter(x -> x.uri().equals(idOrUri)).findFirst().orElse(null);
    }

    List<Concept> topConcepts(String schemeUri) {
        return topByScheme.getOrDefault(schemeUri, List.of());
    }

    /** From the top down to the parent, following the first known broader at each step. */
    List<Concept> ancestors(String uri) {
        List<Concept> path = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(uri);
        Concept c = byUri.get(uri);
        while (c != null) {
            Concept parent = c.broader().stream().filter(b -> !seen.contains(b)).map(byUri::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (parent != null) {
                seen.add(parent.uri());
                path.add(0, parent);
            }
            c = parent;
        }
        return path;
    }

    List<String> closure(String uri, boolean up) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(uri));
        while (!todo.isEmpty()) {
            Concept c = byUri.get(todo.poll());
            if (c == null) {
                continue;
            }
            for (String next : up ? c.broader() : c.narrower()) {
                if (!next.equals(uri) && seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return List.copyOf(seen);
    }
}
