package org.lakou.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns files into draft records. The same bytes are only ever ingested once (SHA-256); files
 * that cannot be read go to the quarantine with their bytes kept, so staff can look at them.
 */
public interface IngestApi {

    /** Ingests a file already on this machine (batch import): read in place, never copied to a temp file. */
    IngestOutcome ingest(Path file, String originalName);

    /**
     * Ingests an upload: the stream is spooled to a temp file while it is hashed, never held in memory.
     *
     * @throws org.lakou.shared.ApiException 413 when the stream is longer than {@code lakou.ingest.max-file-size}
     */
    IngestOutcome ingest(InputStream content, String originalName);

    /** Newest first. */
    List<QuarantineEntry> quarantine(int limit);

    Optional<QuarantineEntry> quarantineEntry(String id);

    /**
     * Starts importing a server-side folder tree in the background (hidden files are skipped), for a
     * request over HTTP: only inside {@code lakou.ingest.import-roots}.
     *
     * @throws org.lakou.shared.ApiException 403 outside the import roots (or with none configured),
     *                                       400 when the path is not an existing directory
     */
    IngestJob startImport(Path directory);

    Optional<IngestJob> job(String id);

    /** Newest first. */
    List<IngestJob> recentJobs(int limit);

    /**
     * Takes an upload of the staff desk: the bytes are copied out of the request now, then parsed in
     * the background, so the page can follow each file with {@link #deskUpload}. {@code uploaderId}
     * is remembered on the draft it creates ({@link #uploaders}).
     */
    DeskUpload startDeskUpload(InputStream content, String originalName, String uploaderId);

    Optional<DeskUpload> deskUpload(String id);

    /** Who uploaded each of these records (account ids), for those uploaded by someone; one {@code _id $in}. */
    Map<String, String> uploaders(Collection<String> recordIds);

    /**
     * Parses a quarantined file's kept bytes again (after a parser fix, or a timeout on a busy
     * machine); the entry goes away when the file now becomes a record.
     *
     * @throws org.lakou.shared.ApiException 404 for an unknown entry, 409 when its bytes were not kept
     */
    IngestOutcome retryQuarantined(String id);

    /** Forgets a quarantined file and its kept bytes. @throws org.lakou.shared.ApiException 404 when unknown */
    void discardQuarantined(String id);
}
