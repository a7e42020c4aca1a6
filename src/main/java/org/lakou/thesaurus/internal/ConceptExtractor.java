package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
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
 * can't be looked up by URI, so they are left to the RDF dumps.
 */
final class ConceptExtractor {

    private ConceptExtractor() {
    }

    static List<ConceptData> extract(Model m, String defaultScheme, boolean local) {
        Set<Resource> candidates = new java.util.LinkedHashSet<>();
        m.listResourcesWithProperty(RDF.type, SKOS.Concept).forEachRemaining(candidates::add);
        m.listSubjectsWithProperty(SKOS.inScheme).forEachRemaining(candidates::add);
        m.listSubjectsWithProperty(SKOS.topConceptOf).forEachRemaining(candidates::add);
        m.listObjectsOfProperty(SKOS.hasTopConcept).forEachRemaining(n -> {
            if (n.isResource() && m.contains(n.asResource(), null, (RDFNode) null)) {
                candidates.add(n.asResource());
            }
        });
        m.listSubjectsWithProperty(SKOS.prefLabel).forEachRemaining(candidates::add);
        Set<String> schemes = new TreeSet<>();
        m.listResourcesWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(r -> schemes.add(SkosView.key(r)));
        List<ConceptData> out = new ArrayList<>();
        for (Resource r : candidates) {
            if (!r.isURIResource() || schemes.contains(r.getURI()) || r.hasProperty(RDF.type, SKOS.Collection)
                    || r.hasProperty(RDF.type, SKOS.OrderedCollection) || r.hasProperty(RDF.type, SKOS.ConceptScheme)) {
                continue;
            }
            out.add(read(m, r, defaultScheme, local));
        }
        return out;
    }

    private static ConceptData read(Model m, Resource r, String defaultScheme, boolean local) {
        Map<String, String> pref = new TreeMap<>();
        labels(r, SKOS.prefLabel).forEach((lang, values) -> pref.put(lang, values.get(0)));
        Set<String> broader = uris(r, SKOS.broader);
        Set<String> narrower = uris(r, SKOS.narrower);
        m.listSubjectsWithProperty(SKOS.narrower, r).forEachRemaining(s -> addUri(broader, s));
        m.listSubjectsWithProperty(SKOS.broader, r).forEachRemaining(s -> addUri(narrower, s));
        Set<String> related = uris(r, SKOS.related);
        m.listSubjectsWithProperty(SKOS.related, r).forEachRemaining(s -> addUri(related, s));
        related.remove(r.getURI());
        Map<String, Map<String, List<String>>> notes = new TreeMap<>();
        for (String n : SkosTerms.NOTES) {
            Map<String, List<String>> byLang = labels(r, m.createProperty(SKOS.uri + n));
            if (!byLang.isEmpty()) {
                notes.put(n, byLang);
            }
        }
        Map<String, List<String>> mappings = new TreeMap<>();
        for (String n : SkosTerms.MAPPINGS) {
            Set<String> targets = uris(r, m.createProperty(SKOS.uri + n));
            if (!targets.isEmpty()) {
                mappings.put(n, List.copyOf(targets));
            }
        }
        Set<String> inSchemes = uris(r, SKOS.inScheme);
        Set<String> topOf = uris(r, SKOS.topConceptOf);
        String scheme = inSchemes.contains(defaultScheme) || inSchemes.isEmpty() && topOf.isEmpty() ? defaultScheme
                : !inSchemes.isEmpty() ? inSchemes.iterator().next() : topOf.iterator().next();
        boolean top = !topOf.isEmpty() || m.contains(null, SKOS.hasTopConcept, r);
        Statement dep = r.getProperty(OWL2.deprecated);
        boolean deprecated = dep != null && dep.getObject().isLiteral()
                && "true".equalsIgnoreCase(dep.getObject().asLiteral().getLexicalForm().trim());
        Set<String> replacedBy = uris(r, DCTerms.isReplacedBy);
        Statement notation = r.getProperty(SKOS.notation);
        return new ConceptData(r.getURI(), scheme, pref, labels(r, SKOS.altLabel), labels(r, SKOS.hiddenLabel),
                broader, narrower, related, notes, mappings, deprecated,
                replacedBy.isEmpty() ? null : replacedBy.iterator().next(),
                notation != null && notation.getObject().isLiteral() ? notation.getString() : null, top, local);
    }

    /** Literal values by language tag ("" for none), sorted so that output is stable. */
    private static Map<String, List<String>> labels(Resource r, Property p) {
        Map<String, List<String>> out = new TreeMap<>();
        r.listProperties(p).forEachRemaining(st -> {
            if (st.getObject().isLiteral()) {
                Literal l = st.getLiteral();
                out.computeIfAbsent(l.getLanguage(), k -> new ArrayList<>()).add(l.getLexicalForm());
            }
        });
        out.values().forEach(list -> list.sort(null));
        return out;
    }

    private static Set<String> uris(Resource r, Property p) {
        Set<String> out = new TreeSet<>();
        r.listProperties(p).forEachRemaining(st -> addUri(out, st.getObject()));
        return out;
    }

    private static void addUri(Set<String> out, RDFNode n) {
        if (n.isURIResource()) {
            out.add(n.asResource().getURI());
        }
    }
}
