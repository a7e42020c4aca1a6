package org.lakou.oai.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every set a record has been exposed in ({@code oai_set_history}, add-only). A harvester that
 * harvests one set learns that a record left it (its collection or subjects changed, a thesaurus
 * remapping moved it) only if the set keeps answering for the record, as a deleted header. The
 * search index is rebuilt from MongoDB, so this memory has to live in MongoDB too.
 */
@Component
class SetHistory {

    static final String COLLECTION = "oai_set_history";

    private final MongoCollection<Document> history;

    SetHistory(MongoTemplate mongo) {
        this.history = mongo.getCollection(COLLECTION);
    }

    /**
     * Adds the record's current sets and returns every set it was ever exposed in, these included.
     * Records are indexed again far more often than they change sets (edits, reindexing), so a read
     * comes first and the write only when there is something new.
     */
    Set<String> remember(String recordId, Collection<String> current) {
        Set<String> known = everIn(recordId);
        if (known.containsAll(current)) {
            return known;
        }
        Document after = history.findOneAndUpdate(new Document("_id", recordId),
                Updates.addEachToSet("sets", List.copyOf(current)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return sets(after);
    }

    /**
     * {@link #remember} for a batch: one read of every record's history, then one bulk write for the
     * records that entered a set they were never in. Returns every set each record was ever in.
     */
    Map<String, Set<String>> rememberAll(Map<String, List<String>> currentById) {
        Map<String, Set<String>> known = everIn(currentById.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        currentById.forEach((id, current) -> {
            Set<String> ever = known.computeIfAbsent(id, k -> new LinkedHashSet<>());
            if (!ever.containsAll(current)) {
                writes.add(new UpdateOneModel<>(new Document("_id", id), Updates.addEachToSet("sets",
                        List.copyOf(current)), new UpdateOptions().upsert(true)));
                ever.addAll(current);
            }
        });
        if (!writes.isEmpty()) {
            history.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return known;
    }

    /** The histories of these records in one query; a record never exposed has no entry. */
    Map<String, Set<String>> everIn(Collection<String> recordIds) {
        Map<String, Set<String>> out = new HashMap<>();
        if (!recordIds.isEmpty()) {
            history.find(Filters.in("_id", recordIds)).forEach(d -> out.put(d.getString("_id"), sets(d)));
        }
        return out;
    }

    Set<String> everIn(String recordId) {
        return sets(history.find(new Document("_id", recordId)).first());
    }

    private static Set<String> sets(Document d) {
        return d == null ? new LinkedHashSet<>() : new LinkedHashSet<>(d.getList("sets", String.class, List.of()));
    }
}
