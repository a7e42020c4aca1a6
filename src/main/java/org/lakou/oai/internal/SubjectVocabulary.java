package org.lakou.oai.internal;

import java.util.List;
import java.util.Optional;

/**
 * What the OAI module needs from the thesaurus: labels for concept URIs (subjects, territories),
 * their schemes, and the hierarchy that subject sets follow.
 */
public interface SubjectVocabulary {

    Optional<VocabularyConcept> concept(String uri);

    /** The top concepts of every scheme, in a stable order. */
    List<VocabularyConcept> topConcepts();

    /** The label of a scheme (its title), or the URI itself. */
    String schemeLabel(String schemeUri);

    /**
     * A concept: {@code label} is the French prefLabel (or another when none is French),
     * {@code notation} may be null.
     */
    record VocabularyConcept(String uri, String label, String schemeUri, String notation, List<String> broader,
            List<String> narrower) {

        public VocabularyConcept {
            broader = broader == null ? List.of() : List.copyOf(broader);
            narrower = narrower == null ? List.of() : List.copyOf(narrower);
        }
    }
}
