package org.lakou.backup.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Copies the inventory's collections into an archive, in the inventory's order. A GridFS bucket
 * becomes its {@code .files} documents, its {@code .chunks} documents without their data, and one
 * entry per file with the bytes: the stored files by their id (the SHA-256 for the file store).
 */
final class DatabaseDump {

    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    /** Replies of this many documents: mongo-java-server otherwise answers a whole collection in one reply. */
    static final int BATCH = 500;
    /** Chunks fetched per round trip, by {@code _id}: the only lookup mongo-java-server serves from an index. */
    private static final int CHUNKS_PER_FETCH = 4;

    private final MongoDatabase db;
    private final ArchiveWriter out;

    DatabaseDump(MongoDatabase db, ArchiveWriter out) {
        this.db = db;
        this.out = out;
    }

    void run() throws IOException {
        for (Inventory.Item item : Inventory.BACKED_UP) {
            if (item.bucket()) {
                bucket(item.name());
            } else {
                collection(item.name());
            }
        }
    }

    private void collection(String name) throws IOException {
        try (var entry = out.collection(name)) {
            Set<BsonValue> seen = new HashSet<>();
            for (BsonDocument d : docs(name).find().batchSize(BATCH)) {
                // a scan may meet a document twice on some servers if it moves meanwhile; keep the first
                if (seen.add(d.get("_id"))) {
                    entry.line(d.toJson(JSON));
                }
            }
        }
    }

    /** Files documents first: a file is complete once its files document exists, so its chunks are all there. */
    private void bucket(String bucket) throws IOException {
        Map<BsonValue, BsonDocument> files = new LinkedHashMap<>();
        try (var entry = out.collection(bucket + ".files")) {
            for (BsonDocument d : docs(bucket + ".files").find().batchSize(BATCH)) {
                if (files.putIfAbsent(d.get("_id"), d) == null) {
                    entry.line(d.toJson(JSON));
                }
            }
        }
        Map<BsonValue, TreeMap<Integer, BsonValue>> chunkIds = new HashMap<>();
        try (var entry = out.collection(bucket + ".chunks")) {
            for (BsonDocument c : docs(bucket + ".chunks").find().projection(Projections.exclude("data"))
                    .batchSize(BATCH)) {
                // chunks of an upload still in progress have no files document yet: not part of this backup
                if (files.containsKey(c.get("files_id")) && chunkIds.computeIfAbsent(c.get("files_id"),
                        k -> new TreeMap<>()).putIfAbsent(c.getInt32("n").getValue(), c.get("_id")) == null) {
                    entry.line(c.toJson(JSON));
                }
            }
        }
        for (BsonValue id : files.keySet()) {
            try (var entry = out.file(bucket, key(id))) {
                copyChunks(bucket, new ArrayList<>(chunkIds.getOrDefault(id, new TreeMap<>()).values()), entry);
            }
        }
    }

    private void copyChunks(String bucket, List<BsonValue> ids, ArchiveWriter.EntryStream entry) throws IOException {
        MongoCollection<BsonDocument> chunks = docs(bucket + ".chunks");
        for (int i = 0; i < ids.size(); i += CHUNKS_PER_FETCH) {
            List<BsonValue> some = ids.subList(i, Math.min(ids.size(), i + CHUNKS_PER_FETCH));
            Map<BsonValue, byte[]> data = new HashMap<>();
            for (BsonDocument c : chunks.find(Filters.in("_id", some))) {
                data.put(c.get("_id"), c.getBinary("data").getData());
            }
            for (BsonValue id : some) {
                byte[] bytes = data.get(id);
                if (bytes == null) {
                    throw new IOException("GridFS bucket " + bucket + ": chunk " + id + " vanished during the backup");
                }
                entry.write(bytes);
            }
        }
    }

    /** The archive name of a GridFS file: its string id as is (a SHA-256), an ObjectId in hex. */
    static String key(BsonValue id) {
        if (id.isString()) {
            return id.asString().getValue();
        }
        if (id.isObjectId()) {
            return id.asObjectId().getValue().toHexString();
        }
        return id.toString();
    }

    private MongoCollection<BsonDocument> docs(String name) {
        return db.getCollection(name, BsonDocument.class);
    }
}
