package org.lakou.catalogue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.HarvestWrite;
import org.lakou.catalogue.ImportedRecord;
import org.lakou.catalogue.IndexSource;
import org.lakou.catalogue.Indexed;
import org.lakou.catalogue.Provenance;
import org.lakou.catalogue.PublishedRecord;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.RecordStatus;
import org.lakou.catalogue.SubjectRemap;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Writes go record first, then outbox entry, then event. Each step is one single-document write;
 * a crash between the first two is caught by {@link #reconcile()}, so no transaction is needed.
 */
@Service
class CatalogueService implements CatalogueApi {

    private final MongoTemplate mongo;
    private final IndexQueue queue;
    private final IndexOutbox outbox;
    private final TextStore texts;
    private final BarcodeRegistry barcodes;
    private final SubjectRemapper remapper;
    private final CopyEditor copies;
    private final HarvestedCopies harvested;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordScans scans;
    private final RecordImporter importer;

    CatalogueService(MongoTemplate mongo, IndexQueue queue, IndexOutbox outbox, TextStore texts,
            BarcodeRegistry barcodes, SubjectRemapper remapper, CopyEditor copies, HarvestedCopies harvested,
            ApplicationEventPublisher events, Clock clock, RecordScans scans, RecordImporter importer) {
        this.importer = importer;
        this.mongo = mongo;
        this.queue = queue;
        this.outbox = outbox;
        this.texts = texts;
        this.barcodes = barcodes;
        this.remapper = remapper;
        this.copies = copies;
        this.harvested = harvested;
        this.events = events;
        this.clock = clock;
        this.scans = scans;
    }

    @Override
    public Record create(RecordFields fields) {
        return insert(Ids.newId(), fields, List.of());
    }

    /** Insert first: only a retry after a crash that left the record written pays a read (text: same SHA-256). */
    @Override
    public Record createFromFile(String id, RecordFields fields, FileRef file, String extractedText) {
        if (extractedText != null && !extractedText.isEmpty()) {
            texts.put(file.id(), extractedText);
        }
        try {
            return insert(id, fields, List.of(file));
        } catch (DuplicateKeyException written) {
            return mongo.findById(id, RecordDocument.class).toRecord();
        }
    }

    private Record insert(String id, RecordFields fields, List<FileRef> files) {
        RecordDocument doc = RecordDocument.create(fields, RecordStatus.DRAFT, clock.instant());
        doc.id = id;
        doc.files = new ArrayList<>(files);
        return saved(mongo.insert(doc), Change.CREATED);
    }

    @Override
    public List<Record> importRecords(List<RecordFields> fields, boolean publish) {
        return importWithTexts(fields.stream().map(f -> new ImportedRecord(f, null, null)).toList(), publish);
    }

    @Override
    public List<Record> importWithTexts(List<ImportedRecord> records, boolean publish) {
        List<Record> created = importer.importAll(records, publish);
        scans.invalidate();
        return created;
    }

    @Override
    public Optional<Record> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RecordDocument.class)).map(RecordDocument::toRecord);
    }

    @Override
    public List<Record> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), RecordDocument.class).stream()
                .map(RecordDocument::toRecord).toList();
    }

    @Override
    public Record get(String id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException(id));
    }

    @Override
    public List<Record> list(RecordStatus status, int page, int size) {
        return scans.list(status, page, size);
    }

    @Override
    public long count(RecordStatus status) {
        return scans.count(status);
    }

    @Override
    public long totalRecordCount() {
        return mongo.getCollection("records").estimatedDocumentCount();
    }

    @Override
    public Record update(String id, long expectedVersion, RecordFields fields) {
        RecordDocument doc = live(id);
        if (doc.version != expectedVersion) {
            throw new OptimisticLockingFailureException("Record " + id + " is at version " + doc.version);
        }
        doc.apply(fields);
        return touch(doc, Change.UPDATED);
    }

    @Override
    public Record publish(String id) {
        RecordDocument doc = live(id);
        if (doc.title == null || doc.title.isBlank()) {
            throw ApiException.badRequest("A record needs a title before it is published");
        }
        doc.markPublished(clock.instant());
        return touch(doc, Change.PUBLISHED);
    }

    @Override
    public Record withdraw(String id) {
        RecordDocument doc = live(id);
        doc.status = RecordStatus.WITHDRAWN;
        return touch(doc, Change.WITHDRAWN);
    }

    @Override
    public Record delete(String id) {
        RecordDocument doc = live(id);
        doc.copies.forEach(c -> barcodes.release(c.barcode()));
        doc.copies = new ArrayList<>();
        doc.deleted = true;
        return touch(doc, Change.DELETED);
    }

    @Override
    public Record addCopy(String recordId, Copy copy) {
        return copies.add(live(recordId), copy, this::touch);
    }

    @Override
    public Record updateCopy(String recordId, Copy copy) {
        return copies.replace(live(recordId), copy, this::touch);
    }

    @Override
    public Record removeCopy(String recordId, String barcode) {
        return copies.remove(live(recordId), barcode, this::touch);
    }

    @Override
    public Optional<Record> findByBarcode(String barcode) {
        return barcodes.holder(barcode, this::find, BarcodeRegistry::holds);
    }

    @Override
    public String fullText(String recordId) {
        return find(recordId).map(r -> texts.textOf(r.files().stream().map(FileRef::id).toList())).orElse("");
    }

    @Override
    public List<IndexWork> pendingIndexWork(int limit) {
        return outbox.pending(limit);
    }

    @Override
    public long pendingIndexCount() {
        return outbox.pendingCount();
    }

    @Override
    public Optional<Instant> oldestPendingIndexWork() {
        return outbox.oldestPending();
    }

    @Override
    public List<IndexSource> indexSources(List<String> recordIds) {
        return outbox.sources(recordIds);
    }

    @Override
    public void markIndexed(List<Indexed> done) {
        outbox.markIndexed(done);
    }

    @Override
    public int requeue(Collection<String> recordIds) {
        return outbox.requeue(recordIds);
    }

    @Override
    public int requeueAll() {
        return outbox.sweep(false);
    }

    @Override
    public List<String> recordIds() {
        return outbox.ids();
    }

    @Override
    public int reconcile() {
        return outbox.sweep(true);
    }

    @Override
    public SubjectRemap.Outcome remapSubjects(SubjectRemap remap) {
        return remapper.apply(remap, doc -> touch(doc, Change.UPDATED));
    }

    @Override
    public List<String> findBySubjects(Collection<String> subjectUris) {
        return scans.bySubjects(subjectUris);
    }

    @Override
    public List<PublishedRecord> publishedBetween(Instant from, Instant to, int limit) {
        return mongo.find(RecordDocument.publishedBetween(from, to, limit), RecordDocument.class).stream()
                .map(RecordDocument::toPublished).toList();
    }

    @Override
    public HarvestWrite upsertHarvested(Provenance provenance, RecordFields fields) {
        return harvested.upsert(provenance, fields, (doc, change) -> doc.version == null
                ? insertStamped(doc, change) : touch(doc, change));
    }

    @Override
    public Optional<Record> findHarvested(String sourceId, String oaiIdentifier) {
        return find(HarvestedCopies.idOf(sourceId, oaiIdentifier));
    }

    @Override
    public HarvestWrite removeHarvested(String sourceId, String oaiIdentifier) {
        return harvested.remove(sourceId, oaiIdentifier, this::touch);
    }

    private Record insertStamped(RecordDocument doc, Change change) {
        doc.modified = clock.instant();
        return saved(mongo.insert(doc), change);
    }

    private RecordDocument live(String id) {
        return RecordDocument.editable(mongo.findById(id, RecordDocument.class), id);
    }

    private Record touch(RecordDocument doc, Change change) {
        doc.modified = clock.instant();
        return saved(mongo.save(doc), change);
    }

    private Record saved(RecordDocument doc, Change change) {
        queue.enqueue(doc.id, doc.version);
        scans.invalidate();
        return doc.announce(events, change);
    }
}
