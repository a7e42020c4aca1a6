package org.lakou.ingest.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as an HTTP answer: streamed, with its type, length, name and SHA-256 as ETag. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<Resource> inline(InputStream content, String sha256, long length, String mimeType,
            String fileName) {
        return of(content, sha256, length, mimeType, fileName, false);
    }

    /** For bytes nobody could read: the browser saves them rather than trying to render them. */
    static ResponseEntity<Resource> attachment(InputStream content, String sha256, long length, String fileName) {
        return of(content, sha256, length, "application/octet-stream", fileName, true);
    }

    private static ResponseEntity<Resource> of(InputStream content, String sha256, long length, String mimeType,
            String fileName, boolean attachment) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(mimeType == null ? "application/octet-stream" : mimeType);
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        String disposition = (attachment ? "attachment" : "inline") + "; filename*=UTF-8''"
                + encode(fileName == null ? sha256 : fileName);
        return ResponseEntity.ok().contentType(type).contentLength(length).eTag("\"" + sha256 + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                // the bytes behind a SHA-256 never change; only access rights could, so revalidate
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    /**
     * RFC 5987 encoding. Only {@code filename*}: Spring would add a raw {@code filename="…"} whose
     * non-ASCII bytes are not valid in a header, and every current browser reads {@code filename*}.
     */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
