package org.lakou.backup.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;

/**
 * For the 100k benchmark (org.lakou.search.internal.Ops100kBenchmark): the restore command's own
 * code path into another database, and a mongodump-like raw baseline of the same collections
 * (scan, write the BSON bytes gzipped; read them back and insert in batches).
 */
public final class BackupBench {

    private BackupBench() {
    }

    /** What {@code restore FILE} writes, into {@code db}: verify the checksums, refuse a non-empty target, insert. */
    public static Map<String, Long> restore(MongoDatabase db, Path file) throws IOException {
        return new Restorer(db).restore(file, false);
    }

    /** Every backed-up collection (GridFS buckets as their two collections) as length-prefixed BSON, gzipped. */
    public static long rawDump(MongoDatabase db, Path out) throws IOException {
        long docs = 0;
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), 1 << 16))) {
            for (String name : Inventory.backedUpCollections()) {
                byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()
                        .batchSize(DatabaseDump.BATCH)) {
                    ByteBuffer b = d.getByteBuffer().asNIO();
                    o.writeShort(n.length);
                    o.write(n);
                    o.writeInt(b.remaining());
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    o.write(bytes);
                    docs++;
                }
            }
        }
        return docs;
    }

    /** Reads a {@link #rawDump} back into {@code db}, {@link DatabaseDump#BATCH} documents per insert. */
    public static long rawRestore(MongoDatabase db, Path in) throws IOException {
        long docs = 0;
        String current = null;
        List<RawBsonDocument> batch = new ArrayList<>();
        try (DataInputStream i = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(in), 1 << 16), 1 << 16))) {
            while (true) {
                int len;
                try {
                    len = i.readShort();
                } catch (EOFException e) {
                    break;
                }
                String name = new String(i.readNBytes(len), java.nio.charset.StandardCharsets.UTF_8);
                byte[] bytes = i.readNBytes(i.readInt());
                if (!name.equals(current)) {
                    insert(db, current, batch);
                    current = name;
                }
                batch.add(new RawBsonDocument(bytes));
                if (batch.size() == DatabaseDump.BATCH) {
                    insert(db, current, batch);
                }
                docs++;
            }
        }
        insert(db, current, batch);
        return docs;
    }

    private static void insert(MongoDatabase db, String name, List<RawBsonDocument> batch) {
        if (name != null && !batch.isEmpty()) {
            MongoCollection<RawBsonDocument> c = db.getCollection(name, RawBsonDocument.class);
            c.insertMany(batch);
        }
        batch.clear();
    }
}
