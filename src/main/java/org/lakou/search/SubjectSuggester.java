package org.lakou.search;

import java.time.Duration;
import java.util.List;

/**
 * Subject suggestion from a document's text: the Solr Tagger finds thesaurus labels (pref, alt
 * and hidden, any language, French analysis) in the title and the text; the concepts found are
 * ranked by title mentions (weighted), then frequency, then specificity (depth), then label.
 * Only the thematic, local and geographic schemes are suggested. The ingest module calls
 * {@link #suggest} right after creating a draft; the staff API works per record.
 */
public interface SubjectSuggester {

    /** Only the start of a very long text is read, so a suggestion takes bounded time. */
    int MAX_TEXT_CHARS = 200_000;

    /**
     * @param text the extracted full text, may be null or empty
     * @throws org.lakou.shared.ApiException 503 when the concepts index cannot answer
     */
    List<SubjectSuggestion> suggest(String title, String text, int limit);

    /** Suggestions for a record from its title, abstract and stored full text, with past decisions. */
    RecordSuggestions suggestForRecord(String recordId, int limit);

    /**
     * Records the documentalist's decision; an accepted concept is added to the record's subjects
     * (or territories, for a geographic concept) at its current version.
     *
     * @throws org.lakou.shared.ApiException 400 for an unknown or deprecated concept
     */
    SubjectDecision decide(String recordId, String conceptUri, SubjectDecision.Decision decision);

    /**
     * Waits until the concepts index reflects every thesaurus change made before the call. For
     * tests, the CLI and benchmarks; never on a request path.
     */
    boolean awaitConceptsIndexed(Duration timeout);
}
