package org.lakou.ingest.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The optional separate download origin ({@code lakou.files.public-url}): another host name for
 * this same server. A public file asked for on the main origin is sent there, so whatever a
 * browser renders of it runs away from the origin holding the sessions; asked for on the files
 * origin itself, it is served. Restricted files are never sent there: credentials (cookies,
 * Authorization) do not follow a redirect to another host. The host name alone tells the origins
 * apart: behind a proxy that terminates TLS the scheme and port seen here are not the public ones,
 * and comparing them would redirect the files origin to itself for ever.
 */
final class DownloadOrigin {

    private DownloadOrigin() {
    }

    /** Where to redirect, or empty when {@code requestBase} already is the files origin. */
    static Optional<URI> redirect(String filesBase, String requestBase, String recordId, String fileId) {
        URI files = URI.create(filesBase);
        if (host(files).equals(host(URI.create(requestBase)))) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUri(files).path("/api/records/{id}/files/{fileId}")
                .buildAndExpand(recordId, fileId).encode().toUri());
    }

    private static String host(URI u) {
        return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    }
}
