package org.lakou.thesaurus;

/**
 * One autocomplete hit. {@code matched} is the label that matched the prefix (a prefLabel or an
 * altLabel, {@code preferred} tells which), {@code label} the concept's prefLabel to display.
 */
public record ConceptSuggestion(String uri, String label, String matched, String lang, boolean preferred,
        String schemeUri, boolean deprecated) {
}
