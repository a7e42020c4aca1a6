package org.lakou.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new thesaurus version asks of the catalogue: replace deprecated concepts that have a
 * successor, and flag records using deprecated concepts that have none, for a documentalist.
 */
public record SubjectRemap(Map<String, String> replacements, Set<String> withoutReplacement) {

    public SubjectRemap {
        replacements = Map.copyOf(replacements);
        withoutReplacement = Set.copyOf(withoutReplacement);
    }

    /** How the catalogue applied it: the ids of records remapped and of records flagged for review. */
    public record Outcome(List<String> remapped, List<String> flagged) {
    }
}
