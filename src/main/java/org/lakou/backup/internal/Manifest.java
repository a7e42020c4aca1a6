package org.lakou.backup.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * {@code manifest.json}, the last entry of a backup: what it holds, in restore order, each entry
 * with its size and SHA-256 (and, for a collection, its document count).
 */
record Manifest(int version, Instant created, String database, List<Entry> entries) {

    static final String NAME = "manifest.json";
    static final String FORMAT = "lakou-backup";
    static final int VERSION = 1;

    /** {@code kind}: {@code collection} (JSON lines) or {@code file} (a GridFS file's bytes). */
    record Entry(String name, String kind, String collection, long count, long bytes, String sha256) {

        static final String COLLECTION = "collection";
        static final String FILE = "file";

        Document toDocument() {
            Document d = new Document("name", name).append("kind", kind);
            if (collection != null) {
                d.append("collection", collection).append("count", count);
            }
            return d.append("bytes", bytes).append("sha256", sha256);
        }

        static Entry of(Document d) {
            return new Entry(d.getString("name"), d.getString("kind"), d.getString("collection"),
                    d.get("count") instanceof Number n ? n.longValue() : 0, ((Number) d.get("bytes")).longValue(),
                    d.getString("sha256"));
        }
    }

    long count(String collection) {
        return entries.stream().filter(e -> collection.equals(e.collection())).mapToLong(Entry::count).sum();
    }

    long files() {
        return entries.stream().filter(e -> Entry.FILE.equals(e.kind())).count();
    }

    String toJson() {
        return new Document("format", FORMAT).append("version", version).append("created", created.toString())
                .append("database", database)
                .append("entries", entries.stream().map(Entry::toDocument).toList())
                .toJson(org.bson.json.JsonWriterSettings.builder().indent(true).build());
    }

    static Manifest parse(String json) {
        Document d = Document.parse(json);
        if (!FORMAT.equals(d.getString("format"))) {
            throw new BackupFormatException("not a Lakou backup: the manifest's format is " + d.get("format"));
        }
        int version = ((Number) d.get("version")).intValue();
        if (version > VERSION) {
            throw new BackupFormatException("backup format version " + version + " is newer than this Lakou reads ("
                    + VERSION + ")");
        }
        List<Entry> entries = new ArrayList<>();
        for (Document e : d.getList("entries", Document.class)) {
            entries.add(Entry.of(e));
        }
        return new Manifest(version, Instant.parse(d.getString("created")), d.getString("database"), entries);
    }
}
