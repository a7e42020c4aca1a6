package org.lakou.search;

/** One facet entry: a value and how many results carry it. */
public record FacetValue(String value, long count) {
}
