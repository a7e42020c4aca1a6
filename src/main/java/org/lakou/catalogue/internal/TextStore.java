package org.lakou.catalogue.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Extracted text, one document per file (keyed by the file's SHA-256), kept so the index can be
 * rebuilt from Mongo alone. Ingest caps the text length, which keeps each under Mongo's 16 MB.
 */
@Component
class TextStore {

    private static final String COLLECTION = "record_texts";
    private static final int KEY_READS = 20;

    private final MongoTemplate mongo;

    TextStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void put(String fileId, String text) {
        mongo.save(new Document("_id", fileId).append("text", text), COLLECTION);
    }

    /**
     * Many texts in one unordered bulk write, each an upsert by file id: the same bytes imported
     * twice keep one text, as {@link #put} does.
     */
    void putAll(Map<String, String> byFileId) {
        if (byFileId.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byFileId.forEach((id, text) -> bulk.replaceOne(Query.query(Criteria.where("_id").is(id)),
                new Document("_id", id).append("text", text), FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    /** The texts of a record's files, in the order of its files. */
    String textOf(List<String> fileIds) {
        return joined(fileIds, textsById(fileIds));
    }

    /** The texts of {@code fileIds} taken from {@code texts}, in that order; files without text are skipped. */
    static String joined(List<String> fileIds, Map<String, String> texts) {
        return fileIds.stream().map(texts::get).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
    }

    /**
     * The texts of these files by file id; files without text are absent. A record's few files are
     * read by key: on the embedded MongoDB an {@code $in} over ids scans and decodes every stored
     * text, which made each review screen read the whole collection twice. A batch (indexing) is
     * still one query.
     */
    Map<String, String> textsById(Collection<String> fileIds) {
        Map<String, String> out = new HashMap<>();
        if (fileIds.size() <= KEY_READS) {
            for (String id : fileIds) {
                Document d = mongo.findById(id, Document.class, COLLECTION);
                if (d != null) {
                    out.put(id, d.getString("text"));
                }
            }
        } else {
            mongo.find(Query.query(Criteria.where("_id").in(fileIds)), Document.class, COLLECTION)
                    .forEach(d -> out.put(d.getString("_id"), d.getString("text")));
        }
        return out;
    }
}
