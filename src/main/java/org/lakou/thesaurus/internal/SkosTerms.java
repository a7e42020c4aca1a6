package org.lakou.thesaurus.internal;

import java.util.Set;

/** The SKOS reference's vocabulary (W3C Recommendation 2009), to spot undefined or retired terms. */
final class SkosTerms {

    static final Set<String> CLASSES = Set.of("Concept", "ConceptScheme", "Collection", "OrderedCollection");
    static final Set<String> PROPERTIES = Set.of("inScheme", "hasTopConcept", "topConceptOf", "prefLabel",
            "altLabel", "hiddenLabel", "notation", "note", "changeNote", "definition", "editorialNote", "example",
            "historyNote", "scopeNote", "semanticRelation", "broader", "narrower", "related", "broaderTransitive",
            "narrowerTransitive", "member", "memberList", "mappingRelation", "broadMatch", "narrowMatch",
            "relatedMatch", "exactMatch", "closeMatch");
    static final String[] NOTES = {"scopeNote", "definition", "note", "example", "historyNote", "editorialNote",
            "changeNote"};
    static final String[] MAPPINGS = {"exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"};

    private SkosTerms() {
    }
}
