package org.lakou.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBinary;
import org.bson.BsonDocument;

/**
 * Writes a verified backup into the database. Nothing is written before every checksum passed
 * and the target was found empty (or {@code force} was given, which drops what the backup
 * replaces, plus the state that would point at the old data: the outbox, throttles, reset links).
 */
final class Restorer {

    /** Why a restore did not start; nothing was written. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final MongoDatabase db;

    Restorer(MongoDatabase db) {
        this.db = db;
    }

    /** Restores {@code file}; returns the documents written per collection, in restore order. */
    Map<String, Long> restore(Path file, boolean force) throws IOException {
        try (ArchiveReader in = new ArchiveReader(file)) {
            in.verify();
            Manifest m = in.manifest();
            TreeSet<String> targets = new TreeSet<>(Inventory.backedUpCollections());
            m.entries().stream().filter(e -> e.collection() != null).forEach(e -> targets.add(e.collection()));
            List<String> occupied = targets.stream().filter(c -> !Inventory.SEEDED_AT_START.contains(c))
                    .filter(c -> db.getCollection(c).estimatedDocumentCount() > 0).toList();
            if (!occupied.isEmpty() && !force) {
                throw new Refused("the database is not empty (" + String.join(", ", occupied.subList(0,
                        Math.min(5, occupied.size()))) + (occupied.size() > 5 ? ", …" : "")
                        + " hold documents); restore into an empty data folder or database, or add --force to "
                        + "replace its contents");
            }
            Inventory.SEEDED_AT_START.forEach(c -> db.getCollection(c).drop());
            if (force) {
                targets.forEach(c -> db.getCollection(c).drop());
                Inventory.SKIPPED.keySet().stream().filter(c -> !"job_leases".equals(c))
                        .forEach(c -> db.getCollection(c).drop());
            }
            return write(in, m);
        }
    }

    private Map<String, Long> write(ArchiveReader in, Manifest m) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, Integer> chunkSizes = new HashMap<>();
        Map<String, List<BsonDocument>> chunks = new HashMap<>();
        for (Manifest.Entry e : m.entries()) {
            if (Manifest.Entry.FILE.equals(e.kind())) {
                writeFile(in, e.name(), chunkSizes, chunks);
            } else if (e.collection().endsWith(".chunks")) {
                // the chunks' data comes with the files' entries that follow
                readSkeletons(in, e, chunks);
                written.put(e.collection(), e.count());
            } else {
                written.put(e.collection(), insertAll(in, e, chunkSizes));
            }
        }
        return written;
    }

    private long insertAll(ArchiveReader in, Manifest.Entry e, Map<String, Integer> chunkSizes) throws IOException {
        MongoCollection<BsonDocument> target = db.getCollection(e.collection(), BsonDocument.class);
        String bucket = e.collection().endsWith(".files") ? e.collection().substring(0, e.collection().length() - 6) : null;
        List<BsonDocument> batch = new ArrayList<>();
        long n = 0;
        try (BufferedReader lines = in.lines(e.name())) {
            for (String line; (line = lines.readLine()) != null; ) {
                BsonDocument d = BsonDocument.parse(line);
                if (bucket != null) {
                    chunkSizes.put(ArchiveWriter.fileEntry(bucket, DatabaseDump.key(d.get("_id"))),
                            d.getNumber("chunkSize").intValue());
                }
                batch.add(d);
                n += flush(target, batch, DatabaseDump.BATCH);
            }
        }
        return n + flush(target, batch, 1);
    }

    private static int flush(MongoCollection<BsonDocument> target, List<BsonDocument> batch, int atLeast) {
        if (batch.isEmpty() || batch.size() < atLeast) {
            return 0;
        }
        target.insertMany(batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private void readSkeletons(ArchiveReader in, Manifest.Entry e, Map<String, List<BsonDocument>> chunks)
            throws IOException {
        String bucket = e.collection().substring(0, e.collection().length() - ".chunks".length());
        try (BufferedReader lines = in.lines(e.name())) {
            for (String line; (line = lines.readLine()) != null; ) {
                BsonDocument c = BsonDocument.parse(line);
                chunks.computeIfAbsent(ArchiveWriter.fileEntry(bucket, DatabaseDump.key(c.get("files_id"))),
                        k -> new ArrayList<>()).add(c);
            }
        }
        chunks.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.getInt32("n").getValue(),
                b.getInt32("n").getValue())));
    }

    /** Cuts the file's bytes at the chunk size its files document recorded and fills in each chunk's data. */
    private void writeFile(ArchiveReader in, String name, Map<String, Integer> chunkSizes,
            Map<String, List<BsonDocument>> chunks) throws IOException {
        String bucket = name.split("/")[1];
        Integer size = chunkSizes.get(name);
        List<BsonDocument> skeletons = chunks.getOrDefault(name, List.of());
        if (size == null) {
            throw new BackupFormatException("stored file " + name + " has no files document in the backup");
        }
        MongoCollection<BsonDocument> target = db.getCollection(bucket + ".chunks", BsonDocument.class);
        try (InputStream data = in.open(name)) {
            for (BsonDocument c : skeletons) {
                c.put("data", new BsonBinary(data.readNBytes(size)));
                target.insertOne(c);
            }
            if (data.read() >= 0) {
                throw new BackupFormatException("stored file " + name + " is longer than its " + skeletons.size()
                        + " chunk(s)");
            }
        }
    }
}
