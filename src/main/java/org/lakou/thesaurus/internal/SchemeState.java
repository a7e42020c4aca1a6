package org.lakou.thesaurus.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.DC_11;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The current version of one scheme in memory. Its model is never modified after construction,
 * so readers (SPARQL, dumps) need no lock.
 */
record SchemeState(String id, String uri, int version, Model model, List<ConceptData> concepts,
        Map<String, String> titles, boolean local) {

    static SchemeState of(String id, String uri, int version, Model model, boolean local) {
        return new SchemeState(id, uri, version, model, ConceptExtractor.extract(model, uri, local), titles(model, uri),
                local);
    }

    static Map<String, String> titles(Model m, String uri) {
        Map<String, String> out = new TreeMap<>();
        Resource r = m.createResource(uri);
        for (Property p : new Property[] {SKOS.prefLabel, RDFS.label, DC_11.title, DCTerms.title}) {
            r.listProperties(p).forEachRemaining(st -> {
                if (st.getObject().isLiteral()) {
                    out.putIfAbsent(st.getLiteral().getLanguage(), st.getLiteral().getLexicalForm());
                }
            });
        }
        return out;
    }
}
