package org.lakou.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the zip: entries are added one at a time, each through a SHA-256 digest of its
 * uncompressed bytes, and the manifest listing them all comes last.
 */
final class ArchiveWriter implements AutoCloseable {

    /** The open entry's output: counts and digests what goes through, and never closes the zip. */
    final class EntryStream extends FilterOutputStream {

        private final String name;
        private final String collection;
        private final MessageDigest digest;
        private long bytes;
        private long count;

        private EntryStream(String name, String collection, MessageDigest digest) {
            super(new DigestOutputStream(zip, digest));
            this.name = name;
            this.collection = collection;
            this.digest = digest;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        /** One document as a line of JSON. */
        void line(String json) throws IOException {
            write(json.getBytes(StandardCharsets.UTF_8));
            write('\n');
            count++;
        }

        @Override
        public void close() throws IOException {
            zip.closeEntry();
            String kind = collection == null ? Manifest.Entry.FILE : Manifest.Entry.COLLECTION;
            entries.add(new Manifest.Entry(name, kind, collection, count, bytes,
                    HexFormat.of().formatHex(digest.digest())));
        }
    }

    private final ZipOutputStream zip;
    private final List<Manifest.Entry> entries = new ArrayList<>();

    ArchiveWriter(Path file) throws IOException {
        this.zip = new ZipOutputStream(Files.newOutputStream(file));
    }

    EntryStream collection(String collection) throws IOException {
        return open(collectionEntry(collection), collection);
    }

    EntryStream file(String bucket, String key) throws IOException {
        return open(fileEntry(bucket, key), null);
    }

    static String collectionEntry(String collection) {
        return "collections/" + collection + ".jsonl";
    }

    static String fileEntry(String bucket, String key) {
        return "gridfs/" + bucket + "/" + key;
    }

    private EntryStream open(String name, String collection) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new EntryStream(name, collection, sha256());
    }

    /** Writes the manifest; the archive is complete after {@link #close()}. */
    Manifest finish(java.time.Instant created, String database) throws IOException {
        Manifest m = new Manifest(Manifest.VERSION, created, database, List.copyOf(entries));
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(m.toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return m;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
