package org.lakou.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of hits and the facet counts over the whole result. Facets are keyed by
 * {@code type, year, language, territory, creator, collection, source} (the holding centre: this one or a
 * partner harvested from), in that order, each a list of
 * {@link FacetValue} by descending count, then {@code subjects}: a tree of
 * {@link SubjectFacetNode}. {@code expansions} lists the query terms recognised as concepts and
 * the labels searched with them. {@code spellcheck} ("Vouliez-vous dire") is a corrected query and its
 * hit count, present only when the query found few or no hits and the correction finds more; absent
 * (null, left out of the JSON) otherwise.
 */
public record SearchResult(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, List<?>> facets,
        List<QueryExpansion> expansions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Spellcheck spellcheck) {

    public static final String SUBJECT_FACET = "subjects";

    /** Without a spelling correction. */
    public SearchResult(long total, int page, int size, List<SearchHit> hits, Map<String, List<?>> facets,
            List<QueryExpansion> expansions) {
        this(total, page, size, hits, facets, expansions, null);
    }

    /** A flat facet's values; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<FacetValue> facet(String name) {
        List<?> values = facets.get(name);
        return values == null || SUBJECT_FACET.equals(name) ? List.of() : (List<FacetValue>) values;
    }

    /** The subject facet tree's top concepts. */
    @SuppressWarnings("unchecked")
    public List<SubjectFacetNode> subjectFacet() {
        List<?> values = facets.get(SUBJECT_FACET);
        return values == null ? List.of() : (List<SubjectFacetNode>) values;
    }
}
