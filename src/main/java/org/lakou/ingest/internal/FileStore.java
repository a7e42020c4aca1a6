package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The file store: GridFS bucket {@code files}, one file per SHA-256, which is the file's
 * {@code _id} and filename. The layout is GridFS's own ({@code files.files}, {@code files.chunks}
 * with {@code files_id}, {@code n}, {@code data}), so standard tools read it, but this class gives
 * each chunk the {@code _id} {@code "<sha>/<n>"} and reads chunks by {@code _id $in}: the driver's
 * GridFS reader queries {@code n >= k}, which mongo-java-server answers with a full scan of every
 * chunk of every file (STACK.md: only {@code _id}-shaped queries use an index there).
 */
@Component
public class FileStore {

    /** Larger than GridFS's 255 KiB default: fewer documents, still far below the 16 MB limit. */
    static final int CHUNK_SIZE = 1 << 20;
    /** Chunks per round trip; bounds the memory one upload or download holds at once. */
    private static final int BATCH = 4;

    public record StoredFile(String sha256, long length, String name, String contentType) {
    }

    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;

    FileStore(MongoTemplate mongo, Clock clock) {
        this.files = mongo.getCollection("files.files");
        this.chunks = mongo.getCollection("files.chunks");
        this.clock = clock;
    }

    public Optional<StoredFile> find(String sha256) {
        Document d = files.find(Filters.eq("_id", sha256)).first();
        if (d == null) {
            return Optional.empty();
        }
        Document meta = d.get("metadata", new Document());
        return Optional.of(new StoredFile(sha256, ((Number) d.get("length")).longValue(), meta.getString("name"),
                meta.getString("contentType")));
    }

    /**
     * Idempotent without a read first: every write replaces by {@code _id}, so storing the same
     * bytes again rewrites identical documents. Callers hold the SHA-256's claim, so it is rare.
     * The files document comes last: a file is complete when it is visible.
     */
    public void store(Path file, String sha256, String name, String contentType) throws IOException {
        long length = 0;
        int n = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf;
            while ((buf = in.readNBytes(CHUNK_SIZE)).length > 0) {
                batch.add(new Document("_id", chunkId(sha256, n)).append("files_id", sha256).append("n", n)
                        .append("data", new Binary(buf)));
                n++;
                length += buf.length;
                if (batch.size() == BATCH) {
                    write(batch);
                }
            }
        }
        write(batch);
        Document meta = new Document("name", name).append("contentType", contentType);
        Document doc = new Document("_id", sha256).append("length", length).append("chunkSize", CHUNK_SIZE)
                .append("uploadDate", Date.from(clock.instant())).append("filename", sha256).append("metadata", meta);
        files.replaceOne(Filters.eq("_id", sha256), doc, new ReplaceOptions().upsert(true));
    }

    /** Streams the bytes a few chunks at a time. */
    public Optional<InputStream> open(String sha256) {
        return find(sha256).map(f -> new ChunkStream(sha256, (int) ((f.length() + CHUNK_SIZE - 1) / CHUNK_SIZE)));
    }

    /** The files document goes first, so a half-deleted file is never seen as complete. */
    public void delete(String sha256) {
        Optional<StoredFile> f = find(sha256);
        files.deleteOne(Filters.eq("_id", sha256));
        if (f.isPresent()) {
            int count = (int) ((f.get().length() + CHUNK_SIZE - 1) / CHUNK_SIZE);
            List<String> ids = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                ids.add(chunkId(sha256, n));
            }
            chunks.deleteMany(Filters.in("_id", ids));
        }
    }

    /** Replacing rather than inserting lets a retry overwrite the chunks of an upload that crashed. */
    private void write(List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        chunks.bulkWrite(batch.stream()
                .map(d -> new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true)))
                .toList());
        batch.clear();
    }

    private static String chunkId(String sha256, int n) {
        return sha256 + "/" + n;
    }

    private final class ChunkStream extends InputStream {

        private final String sha256;
        private final int count;
        private final List<byte[]> buffered = new ArrayList<>();
        private int nextToFetch;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(String sha256, int count) {
            this.sha256 = sha256;
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == current.length) {
                if (!advance()) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean advance() throws IOException {
            if (buffered.isEmpty()) {
                if (nextToFetch >= count) {
                    return false;
                }
                fetch();
            }
            current = buffered.remove(0);
            pos = 0;
            return true;
        }

        private void fetch() throws IOException {
            int end = Math.min(count, nextToFetch + BATCH);
            List<String> ids = new ArrayList<>();
            for (int n = nextToFetch; n < end; n++) {
                ids.add(chunkId(sha256, n));
            }
            Map<Integer, byte[]> byN = new HashMap<>();
            for (Document d : chunks.find(Filters.in("_id", ids))) {
                byN.put(d.getInteger("n"), d.get("data", Binary.class).getData());
            }
            for (int n = nextToFetch; n < end; n++) {
                byte[] data = byN.get(n);
                if (data == null) {
                    throw new IOException("File " + sha256 + " is missing chunk " + n);
                }
                buffered.add(data);
            }
            nextToFetch = end;
        }
    }
}
