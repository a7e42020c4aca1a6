package org.lakou.catalogue.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.lakou.shared.ReadCache;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalogue's reads that the embedded MongoDB can only answer by scanning every record (it
 * serves exact {@code _id} lookups alone from an index): the newest-first listing behind the
 * labels page and the drafts list, the counts, and the records naming some subjects (a thesaurus
 * version's review). Staff pages repeat them far more often than records change, so the answers
 * are kept until the next write: {@link CatalogueService} calls {@link #invalidate()} after each
 * one, before it announces the change.
 */
@Component
class RecordScans {

    private record ListKey(RecordStatus status, int page, int size) {
    }

    private final MongoTemplate mongo;
    private final ReadCache<ListKey, List<Record>> lists = new ReadCache<>(32);
    private final ReadCache<RecordStatus, Long> counts = new ReadCache<>(RecordStatus.values().length + 1);
    private final ReadCache<Set<String>, List<String>> bySubjects = new ReadCache<>(16);

    RecordScans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Record> list(RecordStatus status, int page, int size) {
        return lists.get(new ListKey(status, page, size), () -> mongo.find(RecordDocument.listQuery(status)
                .with(Sort.by(Sort.Direction.DESC, "modified")).skip((long) page * size).limit(size),
                RecordDocument.class).stream().map(RecordDocument::toRecord).toList());
    }

    long count(RecordStatus status) {
        return counts.get(status, () -> mongo.count(RecordDocument.listQuery(status), RecordDocument.class));
    }

    List<String> bySubjects(Collection<String> subjectUris) {
        return bySubjects.get(Set.copyOf(subjectUris), () -> mongo.find(RecordDocument.idsBySubjects(subjectUris),
                org.bson.Document.class, "records").stream().map(d -> d.getString("_id")).toList());
    }

    void invalidate() {
        lists.invalidate();
        counts.invalidate();
        bySubjects.invalidate();
    }
}
