package org.lakou.ingest.internal.worker;

import java.util.Locale;
import java.util.Set;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;

/**
 * Decides, in the worker, whether a parse produced a usable document. Tika reports encryption in
 * several shapes (its own exception, PDFBox's password and certificate errors, an encrypted payload
 * inside a wrapper), so the rules look at the whole cause chain and the embedded-document markers.
 */
final class OutcomeClassifier {

    /**
     * Containers that are not documents. Office and EPUB files are zips too, but Tika names them by
     * their own types, so they are not caught here.
     */
    static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-compress", "application/x-7z-compressed", "application/x-tar", "application/x-gtar",
            "application/x-bzip", "application/x-bzip2", "application/x-xz", "application/x-lzma",
            "application/zstd", "application/x-rar-compressed", "application/vnd.rar", "application/x-archive",
            "application/x-cpio", "application/x-lzip", "application/x-arj", "application/java-archive",
            "application/x-snappy-framed", "application/x-brotli", "application/x-lz4");

    record Verdict(Code code, String detail) {
        static final Verdict OK = new Verdict(Code.OK, null);
    }

    private final MediaTypeRegistry registry;

    OutcomeClassifier(MediaTypeRegistry registry) {
        this.registry = registry;
    }

    static boolean isArchive(MediaType type) {
        return ARCHIVES.contains(type.getBaseType().toString());
    }

    Verdict classify(MediaType type, MediaType nameType, Metadata md, Throwable failure) {
        if (failure != null) {
            return classifyFailure(type, failure);
        }
        if (embeddedEncrypted(md) && (isArchive(type) || "true".equals(md.get("pdf:hasCollection")))) {
            return new Verdict(Code.ENCRYPTED, "the document is an encrypted (DRM or password) payload inside a wrapper");
        }
        if (isArchive(type)) {
            return new Verdict(Code.UNSUPPORTED,
                    "archives are not catalogued: unpack it and import the folder (" + type.getBaseType() + ")");
        }
        if (MediaType.OCTET_STREAM.equals(type.getBaseType())) {
            return new Verdict(Code.UNSUPPORTED, "the file type was not recognised");
        }
        if (contentBetraysName(type, nameType)) {
            return new Verdict(Code.CORRUPT, "the content is plain text, not the " + nameType
                    + " its name announces");
        }
        return Verdict.OK;
    }

    private Verdict classifyFailure(MediaType type, Throwable failure) {
        if (isEncryption(failure)) {
            return new Verdict(Code.ENCRYPTED, describe(failure));
        }
        if (isBomb(failure)) {
            return new Verdict(Code.TOO_LARGE, "suspected decompression bomb: " + describe(failure));
        }
        if (failure instanceof ZeroByteFileException) {
            return new Verdict(Code.CORRUPT, "the file is empty");
        }
        if (MediaType.OCTET_STREAM.equals(type.getBaseType())) {
            return new Verdict(Code.UNSUPPORTED, "the file type was not recognised: " + describe(failure));
        }
        return new Verdict(Code.CORRUPT, describe(failure));
    }

    /**
     * Text where the name promises a binary format (a 24-byte ".odt" saying "This is not a zip file!")
     * means the file is damaged or misnamed; either way staff should look at it.
     */
    private boolean contentBetraysName(MediaType type, MediaType nameType) {
        if (!MediaType.TEXT_PLAIN.equals(type.getBaseType()) || nameType == null
                || MediaType.OCTET_STREAM.equals(nameType)) {
            return false;
        }
        return !"text".equals(nameType.getType()) && !registry.isInstanceOf(nameType, MediaType.TEXT_PLAIN);
    }

    private static boolean isEncryption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EncryptedDocumentException || name.contains("Password")
                    || message.contains("decryption") || message.contains("security handler")
                    || message.contains("is encrypted")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBomb(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof TikaMemoryLimitException || t.getClass().getSimpleName().equals("MemoryLimitException")
                    || message.contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static boolean embeddedEncrypted(Metadata md) {
        for (String v : md.getValues(TikaCoreProperties.EMBEDDED_EXCEPTION)) {
            if (v.startsWith(EncryptedDocumentException.class.getName())) {
                return true;
            }
        }
        for (String v : md.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
            if (v.contains("encryption")) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure == root ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage() + " (caused by "
                        + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        text = text.replaceAll("@[0-9a-f]{6,}", "").replaceAll("\\s+", " ");
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
