package org.lakou.duplicates.internal;

import java.util.List;
import java.util.Optional;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.TextStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps signatures in step with records written without the ingest pipeline: copies harvested
 * from partners (so the harvester needs no call of its own), records catalogued by hand and
 * their edits (compared on title and abstract), and a file's text that arrives after the draft
 * (OCR). A file's text at ingest is checked by ingest itself, with the text in hand. Runs in the
 * writer's thread, after the record is saved; a failure is logged, never passed on to the write.
 */
@Component
class RecordChangeListener {

    private static final Logger log = LoggerFactory.getLogger(RecordChangeListener.class);

    private final CatalogueApi catalogue;
    private final SignatureStore store;
    private final NearDuplicateService service;

    RecordChangeListener(CatalogueApi catalogue, SignatureStore store, NearDuplicateService service) {
        this.catalogue = catalogue;
        this.store = store;
        this.service = service;
    }

    @EventListener
    void on(RecordChanged event) {
        if (event.recordId() == null || event.change() != Change.CREATED && event.change() != Change.UPDATED) {
            return;
        }
        try {
            // the event's copy when the writer sent one: reading it back cost every ingested file a round trip
            Optional<Record> written = event.record() != null ? Optional.of(event.record())
                    : catalogue.find(event.recordId());
            written.filter(r -> !r.deleted()).ifPresent(r -> refresh(r, event.change()));
        } catch (RuntimeException e) {
            log.warn("Near-duplicate check of {} failed; the start-up backfill retries it: {}", event.recordId(),
                    e.toString());
        }
    }

    private void refresh(Record r, Change change) {
        if (!hasFileText(r)) {
            service.register(r, "");
        } else if (change == Change.UPDATED && !store.complete(List.of(r.id())).contains(r.id())) {
            service.register(r, catalogue.fullText(r.id()));
        }
    }

    private static boolean hasFileText(Record r) {
        return r.files().stream().anyMatch(f -> f.textStatus() != TextStatus.NONE && f.textLength() > 0);
    }
}
