package org.lakou.search;

import java.util.List;

/**
 * The suggestions for one record, computed from its title and stored full text, each marked with
 * the decision already taken on it; {@code decisions} lists every decision recorded for the
 * record, including those on concepts no longer suggested.
 */
public record RecordSuggestions(
        String recordId,
        long recordVersion,
        List<SubjectSuggestion> suggestions,
        List<SubjectDecision> decisions) {
}
