package org.lakou.thesaurus.internal;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The local scheme as SKOS. It also states {@code national skos:narrower local}: the one triple
 * about a national concept that the network must add to take a proposal in.
 */
final class LocalSchemeModel {

    private LocalSchemeModel() {
    }

    static Model build(List<LocalConceptDocument> docs, ThesaurusProperties props) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("local", props.baseUri() + "/concepts/");
        Resource scheme = m.createResource(props.localSchemeUri())
                .addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(DCTerms.title, "Concepts locaux", "fr")
                .addProperty(DCTerms.title, "Local concepts", "en");
        for (LocalConceptDocument d : docs) {
            Resource c = m.createResource(d.uri())
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(SKOS.inScheme, scheme)
                    .addProperty(SKOS.prefLabel, d.prefLabel(), d.lang())
                    .addProperty(SKOS.broader, m.createResource(d.broader()))
                    .addProperty(DCTerms.created, m.createTypedLiteral(d.created().toString(), XSDDatatype.XSDdateTime));
            d.altLabels().forEach(a -> c.addProperty(SKOS.altLabel, a, d.lang()));
            if (d.scopeNote() != null && !d.scopeNote().isBlank()) {
                c.addProperty(SKOS.scopeNote, d.scopeNote(), d.lang());
            }
            m.createResource(d.broader()).addProperty(SKOS.narrower, c);
        }
        return m;
    }
}
