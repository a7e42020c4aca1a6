package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * Reads the concepts of one graph for the reading API. A concept is a URI typed skos:Concept, or
 * placed in a scheme, or carrying a prefLabel without being a scheme or collection; blank nodes
 * can't be looked up by URI, so they are left to the RDF dumps. Each concept's statements are read
 * in one pass (dispatching on the predicate): a lookup per property is ten times slower on a big
 * vocabulary.
 */
final class ConceptExtractor {

    private static final String SKOS_NS = SKOS.uri;

    private ConceptExtractor() {
    }

    static List<ConceptData> extract(Model m, String defaultScheme, boolean local) {
        Set<Resource> candidates = new LinkedHashSet<>();
        m.listResourcesWithProperty(RDF.type, SKOS.Concept).forEachRemaining(candidates::add);
        m.listSubjectsWithProperty(SKOS.inScheme).forEachRemaining(candidates::add);
        m.listSubjectsWithProperty(SKOS.topConceptOf).forEachRemaining(candidates::add);
        m.listObjectsOfProperty(SKOS.hasTopConcept).forEachRemaining(n -> {
            if (n.isResource() && m.contains(n.asResource(), null, (RDFNode) null)) {
                candidates.add(n.asResource());
            }
        });
        m.listSubjectsWithProperty(SKOS.prefLabel).forEachRemaining(candidates::add);
        Set<Resource> excluded = new java.util.HashSet<>();
        for (Resource type : new Resource[] {SKOS.ConceptScheme, SKOS.Collection, SKOS.OrderedCollection}) {
            m.listResourcesWithProperty(RDF.type, type).forEachRemaining(excluded::add);
        }
        Map<String, Set<String>> inverseBroader = inverse(m, SKOS.narrower.asResource());
        Map<String, Set<String>> inverseNarrower = inverse(m, SKOS.broader.asResource());
        Map<String, Set<String>> inverseRelated = inverse(m, SKOS.related.asResource());
        Set<String> topByScheme = new java.util.HashSet<>();
        m.listObjectsOfProperty(SKOS.hasTopConcept).forEachRemaining(n -> topByScheme.add(SkosView.key(n)));
        List<ConceptData> out = new ArrayList<>();
        for (Resource r : candidates) {
            if (r.isURIResource() && !excluded.contains(r)) {
                out.add(read(r, defaultScheme, local, inverseBroader, inverseNarrower, inverseRelated, topByScheme));
            }
        }
        return out;
    }

    private static final class Acc {
        final Map<String, String> pref = new TreeMap<>();
        final Map<String, List<String>> alt = new TreeMap<>();
        final Map<String, List<String>> hidden = new TreeMap<>();
        final Set<String> broader = new TreeSet<>();
        final Set<String> narrower = new TreeSet<>();
        final Set<String> related = new TreeSet<>();
        final Set<String> inScheme = new TreeSet<>();
        final Set<String> topOf = new TreeSet<>();
        final Set<String> replacedBy = new TreeSet<>();
        final Map<String, Map<String, List<String>>> notes = new TreeMap<>();
        final Map<String, Set<String>> mappings = new TreeMap<>();
        boolean deprecated;
        String notation;
    }

    private static ConceptData read(Resource r, String defaultScheme, boolean local, Map<String, Set<String>> invBroader,
            Map<String, Set<String>> invNarrower, Map<String, Set<String>> invRelated, Set<String> tops) {
        Acc a = new Acc();
        r.listProperties().forEachRemaining(st -> accept(a, st));
        a.broader.addAll(invBroader.getOrDefault(r.getURI(), Set.of()));
        a.narrower.addAll(invNarrower.getOrDefault(r.getURI(), Set.of()));
        a.related.addAll(invRelated.getOrDefault(r.getURI(), Set.of()));
        a.related.remove(r.getURI());
        a.alt.values().forEach(l -> l.sort(null));
        a.hidden.values().forEach(l -> l.sort(null));
        a.notes.values().forEach(byLang -> byLang.values().forEach(l -> l.sort(null)));
        String scheme = a.inScheme.contains(defaultScheme) || a.inScheme.isEmpty() && a.topOf.isEmpty() ? defaultScheme
                : !a.inScheme.isEmpty() ? a.inScheme.iterator().next() : a.topOf.iterator().next();
        Map<String, List<String>> mappings = new TreeMap<>();
        a.mappings.forEach((k, v) -> mappings.put(k, List.copyOf(v)));
        return new ConceptData(r.getURI(), scheme, a.pref, a.alt, a.hidden, a.broader, a.narrower, a.related, a.notes,
                mappings, a.deprecated, a.replacedBy.isEmpty() ? null : a.replacedBy.iterator().next(), a.notation,
                !a.topOf.isEmpty() || tops.contains(r.getURI()), local);
    }

    private static void accept(Acc a, Statement st) {
        String p = st.getPredicate().getURI();
        RDFNode o = st.getObject();
        if (p.equals(OWL2.deprecated.getURI())) {
            a.deprecated |= o.isLiteral() && "true".equalsIgnoreCase(o.asLiteral().getLexicalForm().trim());
        } else if (p.equals(DCTerms.isReplacedBy.getURI())) {
            addUri(a.replacedBy, o);
        } else if (p.startsWith(SKOS_NS)) {
            String name = p.substring(SKOS_NS.length());
            switch (name) {
                case "prefLabel" -> {
                    if (o.isLiteral()) {
                        a.pref.merge(o.asLiteral().getLanguage(), o.asLiteral().getLexicalForm(),
                                (x, y) -> x.compareTo(y) <= 0 ? x : y);
                    }
                }
                case "altLabel" -> addLiteral(a.alt, o);
                case "hiddenLabel" -> addLiteral(a.hidden, o);
                case "broader" -> addUri(a.broader, o);
                case "narrower" -> addUri(a.narrower, o);
                case "related" -> addUri(a.related, o);
                case "inScheme" -> addUri(a.inScheme, o);
                case "topConceptOf" -> addUri(a.topOf, o);
                case "notation" -> a.notation = o.isLiteral() && a.notation == null ? o.asLiteral().getLexicalForm() : a.notation;
                case "scopeNote", "definition", "note", "example", "historyNote", "editorialNote", "changeNote" ->
                        addLiteral(a.notes.computeIfAbsent(name, k -> new TreeMap<>()), o);
                case "exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch" -> {
                    if (o.isURIResource()) {
                        a.mappings.computeIfAbsent(name, k -> new TreeSet<>()).add(o.asResource().getURI());
                    }
                }
                default -> {
                    // other SKOS properties stay in the RDF, not in the reading API
                }
            }
        }
    }

    /** Subject URIs by object URI for one property: the inverse direction, read once for all concepts. */
    private static Map<String, Set<String>> inverse(Model m, Resource property) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        m.listStatements(null, m.createProperty(property.getURI()), (RDFNode) null).forEachRemaining(st -> {
            if (st.getObject().isURIResource() && st.getSubject().isURIResource()) {
                out.computeIfAbsent(st.getObject().asResource().getURI(), k -> new TreeSet<>())
                        .add(st.getSubject().getURI());
            }
        });
        return out;
    }

    private static void addLiteral(Map<String, List<String>> out, RDFNode o) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            out.computeIfAbsent(l.getLanguage(), k -> new ArrayList<>()).add(l.getLexicalForm());
        }
    }

    private static void addUri(Set<String> out, RDFNode n) {
        if (n.isURIResource()) {
            out.add(n.asResource().getURI());
        }
    }
}
