package org.lakou.ingest.web;

import java.util.List;

import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestOutcome;
import org.lakou.search.SubjectSuggestion;

/**
 * The answer to an upload: the draft (new or existing), what was extracted from the file, and the
 * thesaurus concepts suggested from its text for the documentalist to accept or reject.
 * {@code suggestionsAvailable} is false when the concepts index could not answer: the draft is
 * still made, and the suggestions can be asked for later on the record. {@code nearDuplicates} are
 * the live records whose text resembles the draft's ({@code lakou.duplicates.threshold}), most
 * similar first; the record shows them too ({@code GET /api/records/{id}}).
 */
record IngestResponse(Record record, boolean duplicate, long textLength, boolean truncated, TextStatus textStatus,
        List<SubjectSuggestion> suggestions, boolean suggestionsAvailable, List<NearDuplicate> nearDuplicates) {

    static IngestResponse of(IngestOutcome outcome, List<SubjectSuggestion> suggestions,
            List<NearDuplicate> nearDuplicates) {
        return new IngestResponse(outcome.record(), outcome.status() == IngestOutcome.Status.DUPLICATE,
                outcome.textLength(), outcome.truncated(), outcome.textStatus(),
                suggestions == null ? List.of() : suggestions, suggestions != null, nearDuplicates);
    }
}
