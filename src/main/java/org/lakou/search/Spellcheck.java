package org.lakou.search;

/**
 * "Vouliez-vous dire": {@code query} is the reader's query with misspelt words replaced, and
 * {@code hits} how many records it finds for the same reader with the same filters.
 */
public record Spellcheck(String query, long hits) {
}
