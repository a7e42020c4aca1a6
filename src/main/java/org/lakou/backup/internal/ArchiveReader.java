package org.lakou.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Reads a backup: the manifest, a full verification of every entry against it, and the entries. */
final class ArchiveReader implements AutoCloseable {

    private final ZipFile zip;
    private final Manifest manifest;

    ArchiveReader(Path file) {
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BackupFormatException(file + " is not a zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BackupFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            ZipEntry m = zip.getEntry(Manifest.NAME);
            if (m == null) {
                throw new BackupFormatException(file + " has no " + Manifest.NAME + ": incomplete or not a Lakou backup");
            }
            try (InputStream in = zip.getInputStream(m)) {
                this.manifest = Manifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof BackupFormatException b ? b
                    : new BackupFormatException("unreadable manifest in " + file + ": " + e.getMessage(), e);
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /**
     * Reads every entry and checks its size, SHA-256 and document count against the manifest, and
     * that the archive holds nothing else. Throws on the first difference, naming the entry.
     */
    void verify() {
        Set<String> listed = new HashSet<>();
        for (Manifest.Entry e : manifest.entries()) {
            listed.add(e.name());
            verify(e);
        }
        for (ZipEntry z : Collections.list(zip.entries())) {
            if (!listed.contains(z.getName()) && !Manifest.NAME.equals(z.getName())) {
                throw new BackupFormatException("entry " + z.getName() + " is not in the manifest");
            }
        }
    }

    private void verify(Manifest.Entry e) {
        MessageDigest digest = ArchiveWriter.sha256();
        long bytes = 0;
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = open(e.name())) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    lines += buf[i] == '\n' ? 1 : 0;
                }
            }
        } catch (IOException ex) {
            throw new BackupFormatException("entry " + e.name() + " is unreadable: " + ex.getMessage(), ex);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (!sha.equals(e.sha256()) || bytes != e.bytes()) {
            throw new BackupFormatException("entry " + e.name() + " fails its checksum: SHA-256 " + sha + ", "
                    + bytes + " bytes; the manifest says " + e.sha256() + ", " + e.bytes() + " bytes");
        }
        if (Manifest.Entry.COLLECTION.equals(e.kind()) && lines != e.count()) {
            throw new BackupFormatException("entry " + e.name() + " holds " + lines + " documents; the manifest says "
                    + e.count());
        }
        if (e.name().startsWith(ArchiveWriter.fileEntry("files", "")) && !e.name().endsWith("/" + sha)) {
            throw new BackupFormatException("stored file " + e.name() + " does not hash to its name");
        }
    }

    InputStream open(String name) throws IOException {
        ZipEntry z = zip.getEntry(name);
        if (z == null) {
            throw new BackupFormatException("entry " + name + " is missing");
        }
        return zip.getInputStream(z);
    }

    BufferedReader lines(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
