package org.lakou.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lakou.shared.Viewer;

/**
 * The catalogue's public face. Every write bumps the record's version and queues it for indexing
 * in the same call; callers never talk to the index themselves.
 */
public interface CatalogueApi {

    Record create(RecordFields fields);

    /** Creates a draft carrying an ingested file and its extracted text (stored for the index). */
    default Record createFromFile(RecordFields fields, FileRef file, String extractedText) {
        return createFromFile(org.lakou.shared.Ids.newId(), fields, file, extractedText);
    }

    /**
     * A draft under an id the caller chose beforehand, so a retry after a crash finds the record
     * the first attempt wrote instead of making a second one: an existing record is returned as is.
     */
    Record createFromFile(String id, RecordFields fields, FileRef file, String extractedText);

    /**
     * Creates many records at once (a batch import): one bulk insert, one bulk outbox write, one
     * wake-up of the indexer. {@code publish} makes them published rather than drafts.
     */
    List<Record> importRecords(List<RecordFields> fields, boolean publish);

    Optional<Record> find(String id);

    /** The records among {@code ids} that exist, tombstones included, in one query; order not kept. */
    List<Record> findAll(Collection<String> ids);

    /** @throws RecordNotFoundException when absent */
    Record get(String id);

    /**
     * The live record, if {@code viewer} may see it ({@link Record#visibleTo}); what every action
     * on a record checks first, so a draft, a withdrawn, a staff-only or a deleted record answers
     * 404 to an action exactly as to a read.
     *
     * @throws RecordNotFoundException when absent, deleted or hidden from the viewer
     */
    default Record requireVisible(String id, Viewer viewer) {
        return find(id).filter(r -> !r.deleted() && r.visibleTo(viewer))
                .orElseThrow(() -> new RecordNotFoundException(id));
    }

    /** Newest first; a staff listing, so tombstones are left out. */
    List<Record> list(RecordStatus status, int page, int size);

    long count(RecordStatus status);

    /** Every record document, tombstones and harvested copies included, from the collection's metadata. */
    long totalRecordCount();

    /**
     * Replaces the editable fields when {@code expectedVersion} is current.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException on a stale version
     */
    Record update(String id, long expectedVersion, RecordFields fields);

    Record publish(String id);

    Record withdraw(String id);

    /** Leaves a tombstone: harvesters must learn of deletions. */
    Record delete(String id);

    Record addCopy(String recordId, Copy copy);

    Record updateCopy(String recordId, Copy copy);

    Record removeCopy(String recordId, String barcode);

    /** The record holding the copy with this barcode, if any. */
    Optional<Record> findByBarcode(String barcode);

    /** The extracted text of the record's files, concatenated; empty when there is none. */
    String fullText(String recordId);

    // --- the indexing outbox, drained by the search module ---

    List<IndexWork> pendingIndexWork(int limit);

    /** How many records wait in the outbox; cheap, the queue is small and counted by the server. */
    long pendingIndexCount();

    /** When the longest-waiting outbox entry was queued; scans the queue, so ask it only of a small one. */
    Optional<Instant> oldestPendingIndexWork();

    /** What the indexer needs of these records, in their order, in two queries; missing ids are left out. */
    List<IndexSource> indexSources(List<String> recordIds);

    /**
     * Records the indexed versions and stamps, and clears their outbox entries unless a newer
     * version was queued meanwhile; two bulk writes.
     */
    void markIndexed(List<Indexed> done);

    /** Queues records again, e.g. after a thesaurus change; returns how many were queued. */
    int requeue(Collection<String> recordIds);

    /** Queues every record, tombstones included: a full reindex. */
    int requeueAll();

    /** Every record id, tombstones included, in no particular order. A rare sweep: a full scan. */
    List<String> recordIds();

    /** Sweeps for records whose indexed version lags (a crash between write and queue); queues them. */
    int reconcile();

    /**
     * Applies a thesaurus version's deprecations to every record using them. Each record is one
     * versioned save, so it is re-indexed through the outbox like any edit.
     */
    SubjectRemap.Outcome remapSubjects(SubjectRemap remap);

    /** Ids of non-deleted records that use any of these subject URIs. A rare sweep. */
    List<String> findBySubjects(Collection<String> subjectUris);

    /**
     * Local records first published in {@code [from, to)} that are still published (withdrawn ones and
     * tombstones left out), oldest first, at most {@code limit}. Harvested copies have no publication
     * here, so they never appear. A rare sweep (alert digests): a scan in embedded mode.
     */
    List<PublishedRecord> publishedBetween(Instant from, Instant to, int limit);

    // --- read-only copies harvested from partner centres (the OAI module's harvester) ---

    /**
     * Creates or refreshes the local copy of a partner's record, published and read-only. The copy's
     * id is derived from the source and the OAI identifier, so the same record harvested twice (an
     * incremental run repeats its boundary record) is one copy; unchanged fields write nothing.
     */
    HarvestWrite upsertHarvested(Provenance provenance, RecordFields fields);

    /** The local copy of a partner record (a tombstone once removed), if it was ever harvested. */
    Optional<Record> findHarvested(String sourceId, String oaiIdentifier);

    /** Leaves a tombstone for the copy of this partner record, if there is a live one. */
    HarvestWrite removeHarvested(String sourceId, String oaiIdentifier);
}
