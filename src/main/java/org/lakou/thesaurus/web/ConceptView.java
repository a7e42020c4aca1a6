package org.lakou.thesaurus.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.lakou.thesaurus.Concept;

/** A concept as JSON, with its path from the top: what a concept page or a picker needs at once. */
record ConceptView(@JsonUnwrapped Concept concept, List<Ref> ancestors, String label) {

    record Ref(String uri, String label) {
    }

    static ConceptView of(Concept c, List<Concept> ancestors, String lang) {
        return new ConceptView(c, ancestors.stream().map(a -> new Ref(a.uri(), a.label(lang))).toList(), c.label(lang));
    }
}
