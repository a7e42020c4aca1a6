package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.lakou.ingest.DeskUpload;
import org.lakou.ingest.DeskUpload.State;
import org.lakou.ingest.IngestOutcome;
import org.lakou.ingest.IngestProperties;
import org.lakou.shared.Ids;
import org.lakou.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff desk's uploads: each file is copied out of the request, then parsed by a small pool so
 * the page answers at once and polls {@code desk_uploads} (by {@code _id}) for the outcome. Who
 * uploaded a draft goes to {@code record_uploaders}, keyed by the record id, because the catalogue's
 * record knows nothing of accounts; the drafts list reads it with one {@code _id $in}.
 */
@Component
class DeskUploads {

    private static final Logger log = LoggerFactory.getLogger(DeskUploads.class);
    static final String COLLECTION = "desk_uploads";
    static final String UPLOADERS = "record_uploaders";

    private final Ingestor ingestor;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final long maxBytes;
    private final Path staging;
    private final ExecutorService pool;

    DeskUploads(Ingestor ingestor, MongoTemplate mongo, Clock clock, IngestProperties properties,
            StorageProperties storage) {
        this.ingestor = ingestor;
        this.mongo = mongo;
        this.clock = clock;
        this.maxBytes = properties.maxFileSize().toBytes();
        this.staging = storage.resolve("tmp/desk");
        AtomicInteger n = new AtomicInteger();
        // parsing runs in the worker JVMs: two threads keep them busy without queuing a whole drop behind one file
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "desk-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    DeskUpload start(InputStream content, String name, String uploaderId) {
        DeskUpload upload = new DeskUpload(Ids.newId(), name, uploaderId, State.RUNNING, null, null, null, null, null,
                null, clock.instant(), null);
        Path file = copy(content, upload.id());
        if (file == null) {
            return save(finish(upload, State.FAILED, null, null, "too-large",
                    "over lakou.ingest.max-file-size (" + maxBytes + " bytes)"));
        }
        save(upload);
        pool.execute(() -> run(upload, file));
        return upload;
    }

    Optional<DeskUpload> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(DeskUploads::upload);
    }

    Map<String, String> uploaders(Collection<String> recordIds) {
        Map<String, String> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        mongo.getCollection(UPLOADERS).find(Filters.in("_id", recordIds)).batchSize(500)
                .forEach(d -> out.put(d.getString("_id"), d.getString("uploaderId")));
        return out;
    }

    /** Only a new draft is the uploader's; a duplicate stays with whoever brought it first. */
    void remember(IngestOutcome outcome, String uploaderId) {
        if (uploaderId == null || outcome.status() != IngestOutcome.Status.CREATED) {
            return;
        }
        Document d = new Document("_id", outcome.record().id()).append("uploaderId", uploaderId)
                .append("at", Date.from(clock.instant()));
        mongo.getCollection(UPLOADERS).replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
    }

    private void run(DeskUpload upload, Path file) {
        try {
            IngestOutcome outcome = ingestor.ingestFile(file, upload.fileName(), ingestor.defaults());
            remember(outcome, upload.uploaderId());
            save(finish(upload, State.DONE, outcome, null, null, null));
        } catch (RuntimeException e) {
            log.warn("Desk upload {} ({}) failed", upload.id(), upload.fileName(), e);
            save(finish(upload, State.FAILED, null, null, "error", e.getMessage()));
        } finally {
            delete(file);
        }
    }

    private DeskUpload finish(DeskUpload u, State state, IngestOutcome outcome, String recordId, String reason,
            String detail) {
        if (outcome == null) {
            return new DeskUpload(u.id(), u.fileName(), u.uploaderId(), state, null, recordId, null, null, reason,
                    detail, u.started(), clock.instant());
        }
        var q = outcome.quarantine();
        var r = outcome.record();
        return new DeskUpload(u.id(), u.fileName(), u.uploaderId(), state, outcome.status(),
                r == null ? null : r.id(), r == null ? null : r.title(), q == null ? null : q.id(),
                q == null ? null : q.reason().code(), q == null ? null : q.detail(), u.started(), clock.instant());
    }

    /** Null when the upload is over the size limit: the rest of the stream is not read. */
    private Path copy(InputStream content, String id) {
        try {
            Files.createDirectories(staging);
            Path target = staging.resolve(id);
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = content; OutputStream out = Files.newOutputStream(target)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        out.close();
                        delete(target);
                        return null;
                    }
                    out.write(buf, 0, n);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeskUpload save(DeskUpload u) {
        Document d = new Document("_id", u.id()).append("fileName", u.fileName()).append("uploaderId", u.uploaderId())
                .append("state", u.state().name()).append("outcome", u.outcome() == null ? null : u.outcome().name())
                .append("recordId", u.recordId()).append("recordTitle", u.recordTitle())
                .append("quarantineId", u.quarantineId()).append("reason", u.reason()).append("detail", u.detail())
                .append("started", Date.from(u.started()))
                .append("finished", u.finished() == null ? null : Date.from(u.finished()));
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", u.id()), d, new ReplaceOptions().upsert(true));
        return u;
    }

    private static DeskUpload upload(Document d) {
        String outcome = d.getString("outcome");
        Date finished = d.getDate("finished");
        return new DeskUpload(d.getString("_id"), d.getString("fileName"), d.getString("uploaderId"),
                State.valueOf(d.getString("state")), outcome == null ? null : IngestOutcome.Status.valueOf(outcome),
                d.getString("recordId"), d.getString("recordTitle"), d.getString("quarantineId"),
                d.getString("reason"), d.getString("detail"), d.getDate("started").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
