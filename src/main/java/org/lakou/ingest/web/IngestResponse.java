package org.lakou.ingest.web;

import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestOutcome;

/** The answer to an upload: the draft (new or existing) and what was extracted from the file. */
record IngestResponse(Record record, boolean duplicate, long textLength, boolean truncated, TextStatus textStatus) {

    static IngestResponse of(IngestOutcome outcome) {
        return new IngestResponse(outcome.record(), outcome.status() == IngestOutcome.Status.DUPLICATE,
                outcome.textLength(), outcome.truncated(), outcome.textStatus());
    }
}
