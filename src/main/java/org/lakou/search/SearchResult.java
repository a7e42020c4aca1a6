package org.lakou.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits and the facet counts over the whole result. Facets are keyed by
 * {@code type, year, language, creator, collection, source}, in that order, each with its values by
 * descending count.
 */
public record SearchResult(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, List<FacetValue>> facets) {
}
