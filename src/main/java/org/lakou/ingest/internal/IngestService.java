package org.lakou.ingest.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestOutcome;
import org.lakou.ingest.QuarantineEntry;
import org.springframework.stereotype.Service;

/** The module's public face over the pipeline, the quarantine and the batch jobs. */
@Service
class IngestService implements IngestApi {

    private final Ingestor ingestor;
    private final QuarantineStore quarantine;
    private final BatchImporter importer;
    private final JobStore jobs;

    IngestService(Ingestor ingestor, QuarantineStore quarantine, BatchImporter importer, JobStore jobs) {
        this.ingestor = ingestor;
        this.quarantine = quarantine;
        this.importer = importer;
        this.jobs = jobs;
    }

    @Override
    public IngestOutcome ingest(Path file, String originalName) {
        return ingestor.ingestFile(file, originalName, ingestor.defaults());
    }

    @Override
    public IngestOutcome ingest(InputStream content, String originalName) {
        return ingestor.ingestStream(content, originalName, ingestor.defaults());
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
}
