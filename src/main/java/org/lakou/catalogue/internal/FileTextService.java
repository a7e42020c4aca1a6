package org.lakou.catalogue.internal;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.FileTexts;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.TextStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * OCR results written onto existing records. A staff member may edit the record meanwhile: the
 * write reloads it and tries again on a version clash, since it only touches the one file entry.
 */
@Service
class FileTextService implements FileTexts {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final TextStore texts;
    private final IndexQueue queue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FileTextService(MongoTemplate mongo, TextStore texts, IndexQueue queue, ApplicationEventPublisher events,
            Clock clock) {
        this.mongo = mongo;
        this.texts = texts;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<String> awaitingOcr() {
        Query q = Query.query(Criteria.where("deleted").is(false).and("provenance").is(null).and("files")
                .elemMatch(Criteria.where("textStatus").is(TextStatus.NONE.name()).and("ocr").is(null)));
        q.fields().include("_id");
        q.cursorBatchSize(1000);
        return mongo.find(q, Document.class, "records").stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public Record replaceFileText(String recordId, FileRef file, String text) {
        for (int attempt = 1; ; attempt++) {
            RecordDocument doc = mongo.findById(recordId, RecordDocument.class);
            if (doc == null || doc.deleted || doc.files.stream().noneMatch(f -> f.id().equals(file.id()))) {
                throw new RecordNotFoundException(recordId);
            }
            if (text != null && !text.isEmpty()) {
                texts.put(file.id(), text);
            }
            doc.files.replaceAll(f -> f.id().equals(file.id()) ? file : f);
            doc.modified = clock.instant();
            try {
                RecordDocument saved = mongo.save(doc);
                queue.enqueue(saved.id, saved.version);
                return saved.announce(events, Change.UPDATED);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
