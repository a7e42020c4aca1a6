package org.lakou.catalogue.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lakou.catalogue.ImportedRecord;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.RecordStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Batch imports: a fixed number of bulk writes per batch whatever its size (texts, records, outbox)
 * and one wake-up of the indexer, where creating records one by one costs several round trips each.
 */
@Component
class RecordImporter {

    private final MongoTemplate mongo;
    private final IndexQueue queue;
    private final TextStore texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordImporter(MongoTemplate mongo, IndexQueue queue, TextStore texts, ApplicationEventPublisher events,
            Clock clock) {
        this.mongo = mongo;
        this.queue = queue;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** Texts first: a record queued for indexing must find its text already stored. */
    List<Record> importAll(List<ImportedRecord> records, boolean publish) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, String> byFile = records.stream().filter(r -> r.text() != null && !r.text().isEmpty())
                .collect(Collectors.toMap(r -> r.file().id(), ImportedRecord::text, (a, b) -> a));
        texts.putAll(byFile);
        RecordStatus status = publish ? RecordStatus.PUBLISHED : RecordStatus.DRAFT;
        List<RecordDocument> docs = new ArrayList<>(records.size());
        for (ImportedRecord r : records) {
            RecordDocument d = RecordDocument.create(r.fields(), status, clock.instant());
            d.files = r.file() == null ? new ArrayList<>() : new ArrayList<>(List.of(r.file()));
            docs.add(d);
        }
        List<Record> created = mongo.insertAll(docs).stream().map(RecordDocument::toRecord).toList();
        queue.enqueueNew(created.stream().map(r -> new IndexWork(r.id(), r.version())).toList());
        events.publishEvent(new RecordChanged(null, 0, Change.CREATED));
        return created;
    }
}
