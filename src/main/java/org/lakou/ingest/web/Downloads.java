package org.lakou.ingest.web;

import java.io.InputStream;

import org.lakou.shared.FileResponses;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as an HTTP answer: streamed, with its length and SHA-256 as ETag; type, name and
 * the headers that keep uploaded bytes from running as pages come from {@link FileResponses}.
 */
final class Downloads {

    private Downloads() {
    }

    /** Shown in the browser when its type is on the safe list, saved otherwise. */
    static ResponseEntity<Resource> shown(InputStream content, String sha256, long length, String mimeType,
            String fileName) {
        return FileResponses.shown(mimeType, fileName == null ? sha256 : fileName).contentLength(length)
                .eTag("\"" + sha256 + "\"").body(new InputStreamResource(content));
    }

    /** For bytes nobody could read: the browser saves them rather than trying to render them. */
    static ResponseEntity<Resource> attachment(InputStream content, String sha256, long length, String fileName) {
        return FileResponses.attachment("application/octet-stream", fileName == null ? sha256 : fileName)
                .contentLength(length).eTag("\"" + sha256 + "\"").body(new InputStreamResource(content));
    }
}
