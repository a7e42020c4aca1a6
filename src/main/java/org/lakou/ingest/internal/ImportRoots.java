package org.lakou.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.lakou.ingest.IngestProperties;
import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Where a directory import asked over HTTP may read: only inside {@code lakou.ingest.import-roots}.
 * The requested path is first checked as written (so an outside path is refused without touching
 * the disk: no oracle for which paths exist), then canonicalised with {@link Path#toRealPath} so
 * neither {@code ..} nor a symbolic link can lead out of a root.
 */
final class ImportRoots {

    private final List<Path> roots;

    ImportRoots(IngestProperties properties) {
        this.roots = properties.importRoots().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    Path confine(Path requested) {
        if (roots.isEmpty()) {
            throw forbidden("import-roots-unset", "Importing a server folder over HTTP is disabled: no "
                    + "lakou.ingest.import-roots is configured. Upload the files instead, or use the command line.");
        }
        if (requested == null || !requested.isAbsolute()) {
            throw ApiException.badRequest("directory must be an absolute path on the server");
        }
        Path asWritten = requested.normalize();
        if (roots.stream().noneMatch(asWritten::startsWith)) {
            throw outside(requested);
        }
        Path real = realPath(requested);
        if (roots.stream().map(ImportRoots::realRoot).noneMatch(r -> r != null && real.startsWith(r))) {
            throw outside(requested);
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.badRequest("Not an existing directory: " + requested);
        }
        return real;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw ApiException.badRequest("Not an existing directory: " + p);
        }
    }

    private static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private ApiException outside(Path requested) {
        return forbidden("outside-import-roots", requested + " is not inside an import root ("
                + String.join(", ", roots.stream().map(Path::toString).toList()) + ")");
    }

    private static ApiException forbidden(String reason, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Directory import refused", detail).with("reason", reason);
    }
}
