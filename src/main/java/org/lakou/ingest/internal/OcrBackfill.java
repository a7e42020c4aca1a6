package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.FileTexts;
import org.lakou.catalogue.OcrInfo;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerPool;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;
import org.lakou.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * OCR over records made before it could run: each file without text, never tried, is parsed
 * again in a worker with OCR and its outcome written on the record at once. Nothing else keeps
 * the progress: a record once tried carries its OCR report, so an interrupted run started again
 * picks up the records still untried.
 */
@Component
public class OcrBackfill {

    private static final Logger log = LoggerFactory.getLogger(OcrBackfill.class);

    /** Called after each record, from the worker threads. */
    public interface Progress {
        void done(int done, int total);
    }

    public record Summary(int records, int read, int withoutText, int failed) {
    }

    private enum Result { READ, EMPTY, FAILED }

    private final FileTexts fileTexts;
    private final CatalogueApi catalogue;
    private final FileStore files;
    private final WorkerPool workers;
    private final OcrSupport ocr;
    private final IngestProperties properties;
    private final Spool spool;

    OcrBackfill(FileTexts fileTexts, CatalogueApi catalogue, FileStore files, WorkerPool workers, OcrSupport ocr,
            IngestProperties properties, StorageProperties storage) {
        this.fileTexts = fileTexts;
        this.catalogue = catalogue;
        this.files = files;
        this.workers = workers;
        this.ocr = ocr;
        this.properties = properties;
        this.spool = new Spool(storage.resolve("tmp/ocr"));
    }

    public List<String> pending() {
        return fileTexts.awaitingOcr();
    }

    /** Runs OCR over these records with {@code threads} at once (one worker each). */
    public Summary run(List<String> recordIds, int threads, Progress progress) throws InterruptedException {
        OcrRequest request = ocr.request().orElseThrow(() -> new IllegalStateException(
                "OCR is unavailable: " + ocr.state().problem()));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = recordIds.stream().<Future<?>>map(id -> pool.submit(() -> {
                switch (ocrRecord(id, request)) {
                    case READ -> read.incrementAndGet();
                    case EMPTY -> empty.incrementAndGet();
                    case FAILED -> failed.incrementAndGet();
                }
                progress.done(done.incrementAndGet(), recordIds.size());
            })).toList();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("OCR of a record failed", e.getCause());
                    failed.incrementAndGet();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(recordIds.size(), read.get(), empty.get(), failed.get());
    }

    /** READ when a file of the record gave text; a record gone meanwhile counts as failed. */
    private Result ocrRecord(String id, OcrRequest request) {
        Optional<Record> record = catalogue.find(id);
        if (record.isEmpty() || record.get().deleted()) {
            return Result.FAILED;
        }
        Result result = Result.EMPTY;
        for (FileRef file : record.get().files()) {
            if (file.textStatus() == TextStatus.NONE && file.ocr() == null) {
                Result r = ocrFile(id, file, request);
                result = r == Result.READ || result == Result.READ ? Result.READ
                        : r == Result.FAILED ? Result.FAILED : result;
            }
        }
        return result;
    }

    private Result ocrFile(String recordId, FileRef file, OcrRequest request) {
        Optional<InputStream> bytes = files.open(file.id());
        if (bytes.isEmpty()) {
            log.warn("Record {}: the bytes of {} are not in the file store", recordId, file.name());
            write(recordId, updated(file, TextStatus.NONE, 0, false, failed(request, "missing")), "");
            return Result.FAILED;
        }
        try (InputStream in = bytes.get(); Spool.Spooled copy = spool.spool(in, Long.MAX_VALUE)) {
            Ingestor.Options options = new Ingestor.Options(properties.maxChars(), properties.parseTimeout(), request);
            Response r = workers.parse(copy.path(), file.name(), options.maxChars(), options.hardLimit(), request);
            if (r.code() != Code.OK) {
                write(recordId, updated(file, TextStatus.NONE, 0, false,
                        failed(request, r.code().name().toLowerCase())), "");
                return Result.FAILED;
            }
            TextStatus status = OcrResults.textStatus(r);
            OcrInfo info = OcrResults.info(request, r);
            boolean written = write(recordId, updated(file, status, r.text().length(), r.truncated(),
                    info == null ? new OcrInfo(request.language(), 0, null, List.of()) : info), r.text());
            return !written ? Result.FAILED : status == TextStatus.OCR ? Result.READ : Result.EMPTY;
        } catch (IOException e) {
            log.warn("Record {}: cannot read {} back: {}", recordId, file.name(), e.getMessage());
            return Result.FAILED;
        }
    }

    /** A file OCR could not be run on is marked tried all the same, so a later run does not loop on it. */
    private static OcrInfo failed(OcrRequest request, String why) {
        return new OcrInfo(request.language(), 0, null, List.of(new OcrInfo.Page(0, why)));
    }

    private static FileRef updated(FileRef f, TextStatus status, long textLength, boolean truncated, OcrInfo info) {
        return new FileRef(f.id(), f.name(), f.mimeType(), f.size(), f.pages(), textLength, truncated, status, info);
    }

    private boolean write(String recordId, FileRef file, String text) {
        try {
            fileTexts.replaceFileText(recordId, file, text);
            return true;
        } catch (RecordNotFoundException gone) {
            return false;
        }
    }
}
