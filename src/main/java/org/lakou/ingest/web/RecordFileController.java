package org.lakou.ingest.web;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.ingest.FileDownloaded;
import org.lakou.ingest.internal.FileStore;
import org.lakou.shared.ApiException;
import org.lakou.shared.PublicUrl;
import org.lakou.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Records", description = "Bibliographic records and their copies")
@RestController
class RecordFileController {

    private final FileStore files;
    private final FileAccessPolicy policy;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordFileController(FileStore files, FileAccessPolicy policy, PublicUrl publicUrl,
            ApplicationEventPublisher events, Clock clock) {
        this.files = files;
        this.policy = policy;
        this.publicUrl = publicUrl;
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "Download a record's file (the original bytes); its ETag is the file's SHA-256",
            description = "PDF, PNG, JPEG, GIF, WebP and plain text are shown inline in a CSP sandbox; every other "
                    + "type is an attachment. With lakou.files.public-url set, public files are redirected (302) "
                    + "to that origin.")
    @GetMapping("/api/records/{id}/files/{fileId}")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String fileId, WebRequest request,
            HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        Record record = policy.downloadable(id, viewer);
        FileRef ref = record.files().stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("File", fileId).with("recordId", id));
        Optional<URI> elsewhere = FileAccessPolicy.isAnonymous(record) ? publicUrl.filesBase()
                .flatMap(files -> DownloadOrigin.redirect(files, ServletUriComponentsBuilder.fromContextPath(http)
                        .build().toUriString(), id, fileId)) : Optional.empty();
        if (elsewhere.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(elsewhere.get()).build();
        }
        if (request.checkNotModified("\"" + ref.id() + "\"")) {
            return null;
        }
        var content = files.open(ref.id()).orElseThrow(() -> ApiException.notFound("File", fileId));
        events.publishEvent(new FileDownloaded(id, fileId, viewer.memberId(), viewer.isStaff(), clock.instant()));
        return Downloads.shown(content, ref.id(), ref.size(), ref.mimeType(), ref.name());
    }
}
