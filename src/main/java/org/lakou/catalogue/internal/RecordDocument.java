package org.lakou.catalogue.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.IndexStamp;
import org.lakou.catalogue.Provenance;
import org.lakou.catalogue.PublishedRecord;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordStatus;
import org.lakou.shared.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

/**
 * The stored shape of a record. {@code @Version} gives optimistic locking on every save; the
 * indexer only ever raises {@code indexedVersion} with {@code $max}, never the version itself.
 */
@Document("records")
class RecordDocument {

    @Id
    String id;
    String title;
    String subtitle;
    List<String> creators = new ArrayList<>();
    String publisher;
    String date;
    String type;
    String language;
    String summary;
    @Indexed
    List<String> subjects = new ArrayList<>();
    List<String> territories = new ArrayList<>();
    String collection;
    AccessLevel accessLevel = AccessLevel.PUBLIC;
    @Indexed
    RecordStatus status = RecordStatus.DRAFT;
    List<FileRef> files = new ArrayList<>();
    List<Copy> copies = new ArrayList<>();
    Instant created;
    @Indexed
    Instant modified;
    /** When the record was first published here; never moved by a later withdraw and re-publish. */
    @Indexed
    Instant published;
    @Version
    Long version;
    long indexedVersion = -1;
    boolean deleted;
    List<String> reviewNotes = new ArrayList<>();
    /** Set by the indexer: the feed sequence (OAI datestamp) and fingerprint of the indexed form. */
    IndexStamp indexStamp;
    /** Set on read-only copies harvested from partner centres. */
    Provenance provenance;

    /** A new record with a fresh id, created and modified now. */
    static RecordDocument create(RecordFields fields, RecordStatus status, java.time.Instant now) {
        RecordDocument doc = new RecordDocument();
        doc.id = org.lakou.shared.Ids.newId();
        doc.apply(fields);
        doc.status = status;
        doc.published = status == RecordStatus.PUBLISHED ? now : null;
        doc.created = now;
        doc.modified = now;
        return doc;
    }

    /** A record an editor may change: it exists, is not a tombstone, and is not a harvested copy. */
    static RecordDocument editable(RecordDocument doc, String id) {
        if (doc == null) {
            throw new org.lakou.catalogue.RecordNotFoundException(id);
        }
        if (doc.provenance != null) {
            throw ApiException.conflict("Record " + id + " is a read-only copy harvested from "
                    + doc.provenance.sourceName() + "; it changes only when its source does").with("id", id);
        }
        if (doc.deleted) {
            throw new ApiException(HttpStatus.GONE, "Record deleted", "Record " + id + " was deleted")
                    .with("id", id);
        }
        return doc;
    }

    /** Live records naming any of these subjects, ids only. */
    static Query idsBySubjects(java.util.Collection<String> subjectUris) {
        Query q = Query.query(Criteria.where("subjects").in(subjectUris).and("deleted").is(false));
        q.fields().include("_id");
        return q;
    }

    void apply(RecordFields f) {
        title = f.title();
        subtitle = f.subtitle();
        creators = new ArrayList<>(f.creators());
        publisher = f.publisher();
        date = f.date();
        type = f.type();
        language = f.language();
        summary = f.summary();
        subjects = new ArrayList<>(f.subjects());
        territories = new ArrayList<>(f.territories());
        collection = f.collection();
        accessLevel = f.accessLevel();
    }

    /** Publishes; only the first publication is dated, so a digest announces a record once. */
    void markPublished(Instant now) {
        status = RecordStatus.PUBLISHED;
        if (published == null) {
            published = now;
        }
    }

    /** Published records first published in {@code [from, to)}, oldest first. */
    /** Live records (tombstones left out), of one status when {@code status} is given. */
    static Query listQuery(RecordStatus status) {
        Criteria c = Criteria.where("deleted").is(false);
        return Query.query(status == null ? c : c.and("status").is(status));
    }

    static Query publishedBetween(Instant from, Instant to, int limit) {
        Query q = Query.query(Criteria.where("published").gte(from).lt(to).and("status").is(RecordStatus.PUBLISHED)
                .and("deleted").is(false)).with(Sort.by("published")).limit(limit);
        return q.cursorBatchSize(Math.min(limit, 500));
    }

    PublishedRecord toPublished() {
        return new PublishedRecord(toRecord(), published);
    }

    Record toRecord() {
        return new Record(id, title, subtitle, List.copyOf(creators), publisher, date, type, language, summary,
                List.copyOf(subjects), List.copyOf(territories), collection, accessLevel, status,
                List.copyOf(files), List.copyOf(copies), created, modified, version == null ? 0 : version, deleted,
                reviewNotes == null ? List.of() : List.copyOf(reviewNotes), provenance);
    }

    /** Announces this write with the record it left, so listeners in the writer's thread need not read it back. */
    Record announce(ApplicationEventPublisher events, RecordChanged.Change change) {
        Record written = toRecord();
        events.publishEvent(new RecordChanged(id, version, change, written));
        return written;
    }
}
