package org.lakou.thesaurus;

import java.util.Set;

/**
 * Published after an import is applied, a version is applied or a local concept is added, once
 * the reading API already answers with the new state. {@code affectedConcepts} are the concepts
 * whose labels, place in the hierarchy or status changed, with their descendants (whose ancestor
 * paths changed), so search can re-queue the records using them and reload its concepts core.
 */
public record ThesaurusChanged(String schemeUri, int version, Set<String> affectedConcepts) {

    public ThesaurusChanged {
        affectedConcepts = Set.copyOf(affectedConcepts);
    }
}
