package org.lakou.search;

import java.util.List;

/**
 * A concept the Tagger found in a document, proposed as a subject. {@code target} is the record
 * list it would go to when accepted: {@code subjects} (thematic and local concepts) or
 * {@code territories} (geographic ones). {@code mentions} counts every mention, title included;
 * {@code titleMentions} those in the title; {@code matchedTexts} the words as written (a few).
 * {@code decision} and {@code assigned} are only filled in for a record: the documentalist's
 * earlier choice, and whether the record already carries the concept.
 */
public record SubjectSuggestion(
        String uri,
        String label,
        String scheme,
        String target,
        double score,
        int mentions,
        int titleMentions,
        int depth,
        List<String> matchedTexts,
        SubjectDecision.Decision decision,
        boolean assigned) {

    public SubjectSuggestion {
        matchedTexts = matchedTexts == null ? List.of() : List.copyOf(matchedTexts);
    }

    public SubjectSuggestion forRecord(SubjectDecision.Decision newDecision, boolean isAssigned) {
        return new SubjectSuggestion(uri, label, scheme, target, score, mentions, titleMentions, depth, matchedTexts,
                newDecision, isAssigned);
    }
}
