package org.lakou.search;

import java.util.List;

/**
 * A query word or phrase recognised as a concept label, and the other labels searched with it:
 * the concept's pref and alt labels in every language, and with {@code narrower} those of its
 * narrower concepts too.
 */
public record QueryExpansion(
        String term,
        String conceptUri,
        String label,
        List<String> addedLabels,
        boolean narrower) {
}
