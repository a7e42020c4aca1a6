package org.lakou.thesaurus.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The SKOS structure of one graph, as quality checks need it: which resources act as concepts
 * (typed or implied by their use, as qSKOS does), and the hierarchy with both directions merged.
 * Sub-properties of broader/narrower declared in the file count as the real thing.
 */
final class SkosView {

    final Model model;
    final Set<String> concepts = new TreeSet<>();
    final Set<String> schemes = new TreeSet<>();
    final Set<String> described = new LinkedHashSet<>();
    final Set<String> top = new LinkedHashSet<>();
    /** Stated skos:broader (and sub-properties) plus the inverse of stated skos:narrower. */
    final Map<String, Set<String>> broader = new HashMap<>();
    final Map<String, Set<String>> statedBroader = new HashMap<>();
    final Map<String, Set<String>> statedNarrower = new HashMap<>();
    final Map<String, Set<String>> related = new HashMap<>();
    /** broaderTransitive, narrowerTransitive and broad/narrowMatch: hierarchy for clash checks only. */
    final Map<String, Set<String>> looseBroader = new HashMap<>();
    final Map<String, Set<String>> inScheme = new HashMap<>();

    SkosView(Model model) {
        this.model = model;
        model.listSubjects().forEachRemaining(s -> described.add(key(s)));
        model.listResourcesWithProperty(RDF.type, SKOS.Concept).forEachRemaining(r -> concepts.add(key(r)));
        model.listResourcesWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(r -> schemes.add(key(r)));
        for (Property p : new Property[] {SKOS.inScheme, SKOS.topConceptOf}) {
            model.listStatements(null, p, (RDFNode) null).forEachRemaining(st -> {
                if (st.getObject().isResource()) {
                    schemes.add(key(st.getObject()));
                    add(inScheme, key(st.getSubject()), key(st.getObject()));
                    concepts.add(key(st.getSubject()));
                }
            });
        }
        edges(SKOS.topConceptOf, (s, o) -> top.add(s));
        edges(SKOS.hasTopConcept, (s, o) -> {
            schemes.add(s);
            top.add(o);
            concepts.add(o);
            add(inScheme, o, s);
        });
        Set<Property> broaderProps = subPropertiesOf(SKOS.broader);
        Set<Property> narrowerProps = subPropertiesOf(SKOS.narrower);
        for (Property p : broaderProps) {
            edges(p, (s, o) -> {
                add(broader, s, o);
                add(statedBroader, s, o);
            });
        }
        for (Property p : narrowerProps) {
            edges(p, (s, o) -> {
                add(broader, o, s);
                add(statedNarrower, s, o);
            });
        }
        for (Property p : subPropertiesOf(SKOS.related)) {
            edges(p, (s, o) -> add(related, s, o));
        }
        edges(SKOS.relatedMatch, (s, o) -> add(related, s, o));
        edges(SKOS.broaderTransitive, (s, o) -> add(looseBroader, s, o));
        edges(SKOS.broadMatch, (s, o) -> add(looseBroader, s, o));
        edges(SKOS.narrowerTransitive, (s, o) -> add(looseBroader, o, s));
        edges(SKOS.narrowMatch, (s, o) -> add(looseBroader, o, s));
        broader.forEach((s, os) -> {
            concepts.add(s);
            concepts.addAll(os);
        });
        related.forEach((s, os) -> {
            concepts.add(s);
            concepts.addAll(os);
        });
        looseBroader.keySet().forEach(concepts::add);
        for (Property p : new Property[] {SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel}) {
            model.listSubjectsWithProperty(p).forEachRemaining(r -> concepts.add(key(r)));
        }
        concepts.removeAll(schemes);
        model.listResourcesWithProperty(RDF.type, SKOS.Collection).forEachRemaining(r -> concepts.remove(key(r)));
        model.listResourcesWithProperty(RDF.type, SKOS.OrderedCollection).forEachRemaining(r -> concepts.remove(key(r)));
    }

    static String key(RDFNode n) {
        return n.isURIResource() ? n.asResource().getURI() : n.isAnon() ? "_:" + n.asResource().getId() : n.toString();
    }

    Resource resource(String key) {
        return key.startsWith("_:") ? null : model.createResource(key);
    }

    /** Transitive broader (cycle-safe), optionally through the loose hierarchy too. */
    Set<String> ancestors(String c, boolean loose) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(c);
        while (!todo.isEmpty()) {
            String x = todo.poll();
            for (String b : next(x, loose)) {
                if (seen.add(b)) {
                    todo.add(b);
                }
            }
        }
        return seen;
    }

    private Set<String> next(String x, boolean loose) {
        Set<String> direct = broader.getOrDefault(x, Set.of());
        if (!loose || !looseBroader.containsKey(x)) {
            return direct;
        }
        Set<String> all = new LinkedHashSet<>(direct);
        all.addAll(looseBroader.get(x));
        return all;
    }

    private Set<Property> subPropertiesOf(Property root) {
        Set<Property> props = new LinkedHashSet<>();
        props.add(root);
        Deque<Resource> todo = new ArrayDeque<>(props);
        while (!todo.isEmpty()) {
            Resource p = todo.poll();
            model.listSubjectsWithProperty(RDFS.subPropertyOf, p).forEachRemaining(sub -> {
                if (sub.isURIResource() && props.add(model.createProperty(sub.getURI()))) {
                    todo.add(sub);
                }
            });
        }
        return props;
    }

    private void edges(Property p, java.util.function.BiConsumer<String, String> sink) {
        model.listStatements(null, p, (RDFNode) null).forEachRemaining((Statement st) -> {
            if (st.getObject().isResource()) {
                sink.accept(key(st.getSubject()), key(st.getObject()));
            }
        });
    }

    static void add(Map<String, Set<String>> map, String k, String v) {
        map.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
    }
}
