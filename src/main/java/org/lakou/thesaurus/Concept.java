package org.lakou.thesaurus;

import java.util.List;
import java.util.Map;

/**
 * A SKOS concept as the rest of Lakou sees it. Label maps are keyed by language tag, with
 * {@code ""} for untagged literals. {@code broader} and {@code narrower} are already symmetric
 * (stated links plus the inverse of the other side, across schemes, local concepts included);
 * {@code depth} is the shortest distance from a concept without broader (0 for top concepts).
 * {@code notes} is keyed by SKOS note property ({@code scopeNote}, {@code definition}...) then
 * language; {@code mappings} by mapping property ({@code exactMatch}, {@code closeMatch}...).
 */
public record Concept(
        String uri,
        String schemeUri,
        Map<String, String> prefLabels,
        Map<String, List<String>> altLabels,
        Map<String, List<String>> hiddenLabels,
        List<String> broader,
        List<String> narrower,
        List<String> related,
        Map<String, Map<String, List<String>>> notes,
        Map<String, List<String>> mappings,
        boolean deprecated,
        String replacedBy,
        int depth,
        String notation,
        boolean topConcept,
        boolean local) {

    private static final List<String> FALLBACK = List.of("fr", "en", "");

    /** The prefLabel in {@code lang}, else French, English, untagged, any; the URI as a last resort. */
    public String label(String lang) {
        if (lang != null && prefLabels.containsKey(lang)) {
            return prefLabels.get(lang);
        }
        for (String l : FALLBACK) {
            if (prefLabels.containsKey(l)) {
                return prefLabels.get(l);
            }
        }
        return prefLabels.values().stream().findFirst().orElse(uri);
    }
}
