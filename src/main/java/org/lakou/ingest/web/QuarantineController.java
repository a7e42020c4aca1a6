package org.lakou.ingest.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.ingest.IngestApi;
import org.lakou.ingest.QuarantineEntry;
import org.lakou.ingest.internal.FileStore;
import org.lakou.shared.ApiException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ingest", description = "Upload, batch import and quarantine of documents")
@RestController
@RequestMapping("/api/ingest/quarantine")
class QuarantineController {

    private final IngestApi ingest;
    private final FileStore files;

    QuarantineController(IngestApi ingest, FileStore files) {
        this.ingest = ingest;
        this.files = files;
    }

    @Operation(summary = "Files that could not become records, newest first")
    @GetMapping
    List<QuarantineEntry> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be between 1 and 1000");
        }
        return ingest.quarantine(limit);
    }

    @Operation(summary = "One quarantine entry: the reason and the parser's message")
    @GetMapping("/{id}")
    QuarantineEntry get(@PathVariable String id) {
        return entry(id);
    }

    @Operation(summary = "The kept bytes of a quarantined file")
    @GetMapping("/{id}/file")
    ResponseEntity<Resource> file(@PathVariable String id) {
        QuarantineEntry e = entry(id);
        if (!e.fileKept() || e.sha256() == null) {
            throw ApiException.notFound("Quarantined file", id).with("detail", e.detail());
        }
        var content = files.open(e.sha256()).orElseThrow(() -> ApiException.notFound("Quarantined file", id));
        return Downloads.attachment(content, e.sha256(), e.size(), e.fileName());
    }

    @Operation(summary = "Parse a quarantined file's kept bytes again: the outcome (created, duplicate or still"
            + " quarantined); 409 when its bytes were not kept")
    @PostMapping("/{id}/retry")
    IngestOutcomeView retry(@PathVariable String id) {
        return IngestOutcomeView.of(ingest.retryQuarantined(id));
    }

    @Operation(summary = "Discard a quarantined file and its kept bytes")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> discard(@PathVariable String id) {
        ingest.discardQuarantined(id);
        return ResponseEntity.noContent().build();
    }

    /** What a retry gave: the record for a draft or a duplicate, the entry when still quarantined. */
    record IngestOutcomeView(String status, String recordId, QuarantineEntry quarantine) {
        static IngestOutcomeView of(org.lakou.ingest.IngestOutcome o) {
            return new IngestOutcomeView(o.status().name().toLowerCase(java.util.Locale.ROOT),
                    o.record() == null ? null : o.record().id(), o.quarantine());
        }
    }

    private QuarantineEntry entry(String id) {
        return ingest.quarantineEntry(id).orElseThrow(() -> ApiException.notFound("Quarantine entry", id));
    }
}
