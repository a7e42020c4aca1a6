package org.lakou.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.lakou.catalogue.NearDuplicateLookup;
import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestOutcome;
import org.lakou.ingest.QuarantineEntry;
import org.lakou.ingest.internal.BatchImporter;
import org.lakou.search.SubjectSuggester;
import org.lakou.search.SubjectSuggestion;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Ingest", description = "Upload, batch import and quarantine of documents")
@RestController
@RequestMapping("/api/ingest")
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);
    private static final int SUGGESTIONS = 10;

    private final IngestApi ingest;
    private final BatchImporter importer;
    private final SubjectSuggester suggester;
    private final NearDuplicateLookup nearDuplicates;

    IngestController(IngestApi ingest, BatchImporter importer, SubjectSuggester suggester,
            NearDuplicateLookup nearDuplicates) {
        this.ingest = ingest;
        this.importer = importer;
        this.suggester = suggester;
        this.nearDuplicates = nearDuplicates;
    }

    @Operation(summary = "Upload one file: 201 with a new draft, 200 with the existing record for the same bytes, "
            + "both with nearDuplicates [{id, title, similarity}]; 422 when the file is quarantined, 413 above "
            + "lakou.ingest.max-file-size")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestResponse> upload(@RequestPart("file") MultipartFile file) {
        IngestOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = ingest.ingest(in, fileName(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (outcome.status()) {
            case CREATED -> ResponseEntity.created(URI.create("/api/records/" + outcome.record().id()))
                    .body(answer(outcome));
            case DUPLICATE -> ResponseEntity.ok().location(URI.create("/api/records/" + outcome.record().id()))
                    .body(answer(outcome));
            case QUARANTINED -> throw quarantined(outcome.quarantine());
        };
    }

    private IngestResponse answer(IngestOutcome outcome) {
        String id = outcome.record().id();
        return IngestResponse.of(outcome, suggestions(id), nearDuplicates.nearDuplicates(id, Viewer.current()));
    }

    /** Suggestions are a help, not part of the ingest: without the concepts index the draft still stands. */
    private List<SubjectSuggestion> suggestions(String recordId) {
        try {
            return suggester.suggestForRecord(recordId, SUGGESTIONS).suggestions();
        } catch (RuntimeException e) {
            log.warn("No subject suggestions for {}: {}", recordId, e.toString());
            return null;
        }
    }

    @Operation(summary = "Import a folder tree that is on the server, inside lakou.ingest.import-roots (403 outside,"
            + " or when none is configured); answers 202 with the job to poll")
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestJob> batchDirectory(@Valid @RequestBody BatchRequest request) {
        Path dir;
        try {
            dir = Path.of(request.directory());
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("directory is not a valid path: " + e.getReason());
        }
        return accepted(ingest.startImport(dir));
    }

    @Operation(summary = "Upload several files (parts named 'files') to import as one job; answers 202")
    @PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestJob> batchUpload(@RequestPart("files") List<MultipartFile> files) {
        BatchImporter.Staging staging = importer.stage();
        try {
            for (MultipartFile f : files) {
                staging.add(fileName(f), f.getInputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accepted(importer.startStaged(staging));
    }

    @Operation(summary = "A batch job's state and counts")
    @GetMapping("/jobs/{id}")
    IngestJob job(@PathVariable String id) {
        return ingest.job(id).orElseThrow(() -> ApiException.notFound("Job", id));
    }

    @Operation(summary = "Recent batch jobs, newest first")
    @GetMapping("/jobs")
    List<IngestJob> jobs(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw ApiException.badRequest("limit must be between 1 and 200");
        }
        return ingest.recentJobs(limit);
    }

    /**
     * A non-multipart body (or a broken one) is the client's mistake, not a server error. The
     * oversized case normally fails before any controller is chosen and reaches the shared advice;
     * this answers it the same way when a lazy multipart request fails here instead.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The upload exceeds the maximum allowed size");
            pd.setTitle("Upload too large");
            pd.setProperty("reason", "too-large");
            pd.setProperty("maxBytes", tooLarge.getMaxUploadSize());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(pd);
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Expected a multipart/form-data upload: " + e.getMessage());
        pd.setTitle("Bad request");
        return ResponseEntity.badRequest().body(pd);
    }

    private static ResponseEntity<IngestJob> accepted(IngestJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/ingest/jobs/" + job.id())).body(job);
    }

    private static ApiException quarantined(QuarantineEntry q) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "File quarantined",
                "The file could not be catalogued (" + q.reason().code() + "): " + q.detail())
                .with("quarantineId", q.id()).with("reason", q.reason().code())
                .with("detectedType", q.detectedType() == null ? "unknown" : q.detectedType());
    }

    /** Browsers may send a full client path; only the last segment is the name. */
    private static String fileName(MultipartFile f) {
        String name = f.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String last = name.replaceAll(".*[/\\\\]", "").strip();
        return last.isEmpty() ? "upload" : last;
    }
}
