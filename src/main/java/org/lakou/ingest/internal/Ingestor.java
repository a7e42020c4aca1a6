package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestOutcome;
import org.lakou.ingest.IngestOutcome.Status;
import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.QuarantineEntry;
import org.lakou.ingest.QuarantineReason;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.NodeLiveness;
import org.lakou.shared.StorageProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The pipeline for one file: hash, duplicate check, claim, parse in a worker, keep the bytes,
 * then either a draft record or a quarantine entry. Every step is a single-document write keyed
 * by {@code _id}; the claim in {@link FileIndex} is what keeps concurrent copies of the same bytes
 * from making two records.
 */
@Component
public class Ingestor {

    /**
     * Per-call limits; the defaults come from {@link IngestProperties}, tests shrink them. No OCR
     * when {@code ocr} is null.
     */
    public record Options(int maxChars, Duration timeout, OcrRequest ocr) {

        public Options(int maxChars, Duration timeout) {
            this(maxChars, timeout, null);
        }

        /** These options for one file: no OCR request for a file that cannot be a scan. */
        Options forFile(Path file) {
            return ocr == null || OcrCandidates.mayNeedOcr(file) ? this : new Options(maxChars, timeout, null);
        }

        /** The worker's hard limit: the parse's own, plus the time OCR may take on top of it. */
        public Duration hardLimit() {
            return ocr == null ? timeout : timeout.plusMillis(ocr.documentTimeoutMillis());
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final CatalogueApi catalogue;
    private final WorkerPool workers;
    private final FileStore files;
    private final FileIndex index;
    private final QuarantineStore quarantine;
    private final IngestProperties properties;
    private final Clock clock;
    private final Spool spool;
    private final OcrSupport ocr;
    private final NodeLiveness nodes;
    private final NearDuplicateCheck nearDuplicates;

    Ingestor(CatalogueApi catalogue, WorkerPool workers, FileStore files, FileIndex index, QuarantineStore quarantine,
            IngestProperties properties, StorageProperties storage, Clock clock, OcrSupport ocr, NodeLiveness nodes,
            NearDuplicateCheck nearDuplicates) {
        this.ocr = ocr;
        this.catalogue = catalogue;
        this.nearDuplicates = nearDuplicates;
        this.workers = workers;
        this.files = files;
        this.index = index;
        this.quarantine = quarantine;
        this.properties = properties;
        this.clock = clock;
        this.nodes = nodes;
        this.spool = new Spool(storage.resolve("tmp/ingest"));
        spool.sweep(Duration.ofHours(6));
    }

    public Options defaults() {
        return new Options(properties.maxChars(), properties.parseTimeout(), ocr.request().orElse(null));
    }

    /** A file on this machine: hashed in place; over the size limit it is quarantined where it lies. */
    public IngestOutcome ingestFile(Path file, String name, Options options) {
        try {
            long size = Files.size(file);
            if (size > properties.maxFileSize().toBytes()) {
                return IngestOutcome.quarantined(tooLargeInPlace(file, name, size));
            }
            return ingestHashed(file, name, Spool.sha256(file), size, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public IngestOutcome ingestStream(InputStream content, String name, Options options) {
        long max = properties.maxFileSize().toBytes();
        try (Spool.Spooled up = spool.spool(content, max)) {
            return ingestHashed(up.path(), name, up.sha256(), up.size(), options);
        } catch (Spool.TooLargeException e) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage())
                    .with("reason", QuarantineReason.TOO_LARGE.code()).with("maxBytes", max);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the upload " + name, e);
        }
    }

    /**
     * Claim first: for new bytes, the common case in a batch, that is the only round trip before
     * the parse. A failed claim means the bytes are known (a record, a quarantine entry) or being
     * ingested right now by another thread or node, whose outcome we wait for; if that node died
     * (killed mid-batch), its claim is taken over and its planned record id reused, so finishing
     * its work cannot make a second record.
     */
    private IngestOutcome ingestHashed(Path file, String name, String sha, long size, Options requested)
            throws IOException {
        Options options = requested.forFile(file);
        Duration staleAfter = options.hardLimit().multipliedBy(2).plusMinutes(1);
        while (true) {
            Instant now = clock.instant();
            String planned = Ids.newId();
            if (index.claim(sha, now, nodes.self(), planned)) {
                return ingestClaimed(file, name, sha, size, options, planned);
            }
            Optional<FileIndex.Entry> entry = index.find(sha);
            if (entry.isEmpty()) {
                continue; // released in between: claim again
            }
            Optional<IngestOutcome> known = known(entry.get());
            if (known.isPresent()) {
                return known.get();
            }
            FileIndex.Entry other = entry.get();
            if (other.pending()) {
                if (abandoned(other, now.minus(staleAfter))
                        && index.takeOver(sha, other.claimed(), now, nodes.self())) {
                    return ingestClaimed(file, name, sha, size, options,
                            other.planned() == null ? planned : other.planned());
                }
                sleep(POLL);
            }
        }
    }

    /** Held too long, or by a node that stopped beating; never this node's own live claim. */
    private boolean abandoned(FileIndex.Entry claim, Instant staleBefore) {
        if (claim.holder() != null && !nodes.self().equals(claim.holder()) && !nodes.alive(claim.holder())) {
            return true;
        }
        return claim.claimed().isBefore(staleBefore);
    }

    /** The record or quarantine entry behind an index entry; empty while it is pending or was stale. */
    private Optional<IngestOutcome> known(FileIndex.Entry entry) {
        if (entry.recordId() != null) {
            Optional<Record> record = catalogue.find(entry.recordId());
            if (record.isPresent() && !record.get().deleted()) {
                return Optional.of(duplicate(record.get(), entry.sha256()));
            }
            index.forgetRecord(entry.sha256(), entry.recordId()); // deleted: the bytes may come in again
            return Optional.empty();
        }
        if (entry.quarantined()) {
            Optional<QuarantineEntry> q = quarantine.find(entry.sha256());
            if (q.isEmpty()) {
                index.forget(entry.sha256());
            }
            return q.map(IngestOutcome::quarantined);
        }
        if (!entry.pending()) {
            index.forget(entry.sha256()); // neither claim nor outcome: a leftover, claim again
        }
        return Optional.empty();
    }

    private IngestOutcome ingestClaimed(Path file, String name, String sha, long size, Options options,
            String recordId) throws IOException {
        try {
            Response r = workers.parse(file, name, options.maxChars(), options.hardLimit(), options.ocr());
            if (r.code() != Code.OK) {
                files.store(file, sha, name, MetadataMapper.mimeType(r.detectedType()));
                QuarantineEntry entry = quarantine.add(new QuarantineEntry(sha, name, sha, size, reason(r.code()),
                        r.detail(), r.detectedType() == null ? null : MetadataMapper.mimeType(r.detectedType()),
                        clock.instant(), true));
                index.quarantined(sha);
                return IngestOutcome.quarantined(entry);
            }
            String mime = MetadataMapper.mimeType(r.detectedType());
            TextStatus textStatus = OcrResults.textStatus(r);
            files.store(file, sha, name, mime);
            FileRef ref = new FileRef(sha, name, mime, size, MetadataMapper.pages(r), r.text().length(),
                    r.truncated(), textStatus, OcrResults.info(options.ocr(), r));
            Record record = catalogue.createFromFile(recordId, MetadataMapper.fields(r, name), ref, r.text());
            index.complete(sha, record.id());
            nearDuplicates.check(record, r.text());
            return new IngestOutcome(Status.CREATED, record, r.text().length(), r.truncated(), textStatus, null);
        } catch (IOException | RuntimeException e) {
            index.release(sha);
            throw e;
        }
    }

    /**
     * A local file over the size limit is neither hashed nor copied: the entry points at it where
     * it lies, keyed by its path and size so a second run finds the same entry.
     */
    private QuarantineEntry tooLargeInPlace(Path file, String name, long size) {
        String id = Spool.sha256("in-place:" + file.toAbsolutePath().normalize() + ":" + size);
        String detail = String.format("%,d bytes exceeds lakou.ingest.max-file-size (%s); the file was left at %s",
                size, properties.maxFileSize(), file.toAbsolutePath().normalize());
        return quarantine.add(new QuarantineEntry(id, name, null, size, QuarantineReason.TOO_LARGE, detail, null,
                clock.instant(), false));
    }

    private static IngestOutcome duplicate(Record record, String sha) {
        FileRef ref = record.files().stream().filter(f -> sha.equals(f.id())).findFirst().orElse(null);
        return ref == null ? new IngestOutcome(Status.DUPLICATE, record, 0, false, null, null)
                : new IngestOutcome(Status.DUPLICATE, record, ref.textLength(), ref.truncated(), ref.textStatus(), null);
    }

    private static QuarantineReason reason(Code code) {
        return switch (code) {
            case ENCRYPTED -> QuarantineReason.ENCRYPTED;
            case UNSUPPORTED -> QuarantineReason.UNSUPPORTED;
            case TOO_LARGE -> QuarantineReason.TOO_LARGE;
            case TIMEOUT -> QuarantineReason.TIMEOUT;
            case CORRUPT, CRASHED, OK -> QuarantineReason.CORRUPT;
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent ingestion", e);
        }
    }
}
