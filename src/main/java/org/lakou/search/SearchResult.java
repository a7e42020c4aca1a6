package org.lakou.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits and the facet counts over the whole result. Facets are keyed by
 * {@code type, year, language, territory, creator, collection, source} (the holding centre: this one or a
 * partner harvested from), in that order, each a list of
 * {@link FacetValue} by descending count, then {@code subjects}: a tree of
 * {@link SubjectFacetNode}. {@code expansions} lists the query terms recognised as concepts and
 * the labels searched with them.
 */
public record SearchResult(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, List<?>> facets,
        List<QueryExpansion> expansions) {

    public static final String SUBJECT_FACET = "subjects";

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
