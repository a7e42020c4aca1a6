package org.lakou.thesaurus.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lakou.catalogue.ConceptLabels;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Component;

/** Gives the catalogue's pages the labels of the concepts a record carries, from the in-memory snapshot. */
@Component
class ConceptLabelsAdapter implements ConceptLabels {

    private final ThesaurusApi thesaurus;

    ConceptLabelsAdapter(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    @Override
    public Map<String, String> labels(Collection<String> uris, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        uris.forEach(u -> thesaurus.concept(u).ifPresent(c -> out.put(u, c.label(lang))));
        return out;
    }
}
