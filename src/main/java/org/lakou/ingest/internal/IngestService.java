package org.lakou.ingest.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lakou.ingest.DeskUpload;
import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestOutcome;
import org.lakou.ingest.QuarantineEntry;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.stereotype.Service;

/** The module's public face over the pipeline, the quarantine and the batch jobs. */
@Service
class IngestService implements IngestApi {

    private final Ingestor ingestor;
    private final QuarantineStore quarantine;
    private final BatchImporter importer;
    private final JobStore jobs;
    private final DeskUploads desk;
    private final FileIndex index;
    private final FileStore files;

    IngestService(Ingestor ingestor, QuarantineStore quarantine, BatchImporter importer, JobStore jobs,
            DeskUploads desk, FileIndex index, FileStore files) {
        this.ingestor = ingestor;
        this.quarantine = quarantine;
        this.importer = importer;
        this.jobs = jobs;
        this.desk = desk;
        this.index = index;
        this.files = files;
    }

    @Override
    public IngestOutcome ingest(Path file, String originalName) {
        return ingestor.ingestFile(file, originalName, ingestor.defaults());
    }

    @Override
    public IngestOutcome ingest(InputStream content, String originalName) {
        IngestOutcome outcome = ingestor.ingestStream(content, originalName, ingestor.defaults());
        desk.remember(outcome, Viewer.current().memberId());
        return outcome;
    }

    @Override
    public List<QuarantineEntry> quarantine(int limit) {
        return quarantine.recent(limit);
    }

    @Override
    public Optional<QuarantineEntry> quarantineEntry(String id) {
        return quarantine.find(id);
    }

    @Override
    public IngestJob startImport(Path directory) {
        return importer.start(directory);
    }

    @Override
    public Optional<IngestJob> job(String id) {
        return jobs.find(id);
    }

    @Override
    public List<IngestJob> recentJobs(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public DeskUpload startDeskUpload(InputStream content, String originalName, String uploaderId) {
        return desk.start(content, originalName, uploaderId);
    }

    @Override
    public Optional<DeskUpload> deskUpload(String id) {
        return desk.find(id);
    }

    @Override
    public Map<String, String> uploaders(Collection<String> recordIds) {
        return desk.uploaders(recordIds);
    }

    /**
     * The file index must forget the bytes first, or the ingest would find them quarantined and
     * answer from the entry without parsing. The entry stays until a record exists, so a crash in
     * between loses nothing (the bytes are re-quarantined under the same id).
     */
    @Override
    public IngestOutcome retryQuarantined(String id) {
        QuarantineEntry e = quarantine.find(id).orElseThrow(() -> ApiException.notFound("Quarantine entry", id));
        InputStream bytes = e.fileKept() && e.sha256() != null ? files.open(e.sha256()).orElse(null) : null;
        if (bytes == null) {
            throw ApiException.conflict("The bytes of " + e.fileName() + " were not kept; import the file again")
                    .with("quarantineId", id);
        }
        index.forget(e.sha256());
        IngestOutcome outcome = ingestor.ingestStream(bytes, e.fileName(), ingestor.defaults());
        if (outcome.status() != IngestOutcome.Status.QUARANTINED) {
            quarantine.remove(id);
        }
        return outcome;
    }

    @Override
    public void discardQuarantined(String id) {
        QuarantineEntry e = quarantine.find(id).orElseThrow(() -> ApiException.notFound("Quarantine entry", id));
        quarantine.remove(id);
        if (e.sha256() != null) {
            index.forget(e.sha256());
            if (e.fileKept()) {
                files.delete(e.sha256());
            }
        }
    }
}
