package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Hashing without holding a file in memory: uploads are copied to a temp file under the data
 * directory while their SHA-256 is computed; files already on disk are hashed in place.
 */
final class Spool {

    /** A spooled upload; closing it deletes the temp file. */
    record Spooled(Path path, String sha256, long size) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The stream had more than the allowed bytes; nothing was kept. */
    static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("The upload exceeds " + max + " bytes");
        }
    }

    private final Path dir;

    Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    Spooled spool(InputStream in, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(dir, "upload-", ".part");
        MessageDigest sha = sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Spooled(tmp, HexFormat.of().formatHex(sha.digest()), size);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Temp files left by a crash; an upload in progress is never this old. */
    void sweep(Duration olderThan) {
        Instant limit = Instant.now().minus(olderThan);
        try (var files = Files.list(dir)) {
            files.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isBefore(limit);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a sweep is best effort
        }
    }

    Path dir() {
        return dir;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
