package org.lakou.ingest.web;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.ingest.FileDownloaded;
import org.lakou.ingest.internal.FileStore;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@Tag(name = "Records", description = "Bibliographic records and their copies")
@RestController
class RecordFileController {

    private final CatalogueApi catalogue;
    private final FileStore files;
    private final FileAccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordFileController(CatalogueApi catalogue, FileStore files, FileAccessPolicy policy,
            ApplicationEventPublisher events, Clock clock) {
        this.catalogue = catalogue;
        this.files = files;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Download a record's file (the original bytes); its ETag is the file's SHA-256")
    @GetMapping("/api/records/{id}/files/{fileId}")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String fileId, WebRequest request) {
        Record record = catalogue.find(id).filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.notFound("Record", id));
        FileRef ref = record.files().stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("File", fileId).with("recordId", id));
        policy.checkDownload(record);
        if (request.checkNotModified("\"" + ref.id() + "\"")) {
            return null;
        }
        var content = files.open(ref.id()).orElseThrow(() -> ApiException.notFound("File", fileId));
        Viewer viewer = Viewer.current();
        events.publishEvent(new FileDownloaded(id, fileId, viewer.memberId(), viewer.isStaff(), clock.instant()));
        return Downloads.inline(content, ref.id(), ref.size(), ref.mimeType(), ref.name());
    }
}
