package org.lakou.shared;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The headers of every stored file Lakou sends back (a record's files, a request's answer files,
 * quarantined bytes), in one place. Uploaded bytes are anyone's: served inline on Lakou's origin,
 * an HTML or SVG file would run its script with the visitor's session. So a file is shown inline
 * only when its type cannot carry script (the short safe list below) and then in a CSP sandbox;
 * anything else is an attachment; nothing is ever sniffed. The name sent back is the base name
 * of the uploaded one, RFC 6266 {@code filename*} with a plain ASCII {@code filename} fallback.
 */
public final class FileResponses {

    /** PDF, raster images and plain text: a browser shows them without running anything of theirs. */
    public static final Set<String> INLINE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "text/plain");
    /** No scripts, forms, plugins or same-origin access, even if a browser mis-renders the bytes. */
    public static final String SANDBOX = "sandbox";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern UNSAFE_ASCII = Pattern.compile("[^A-Za-z0-9 ._()+,;=@!#$&'~\\[\\]-]");
    private static final String UNNAMED = "file";

    private FileResponses() {
    }

    /** Inline when {@code mimeType} is on the safe list, an attachment otherwise. */
    public static ResponseEntity.BodyBuilder shown(String mimeType, String fileName) {
        MediaType type = parse(mimeType);
        return build(type, fileName, !isInlineSafe(type));
    }

    /** Always an attachment: the browser saves the bytes, whatever their type. */
    public static ResponseEntity.BodyBuilder attachment(String mimeType, String fileName) {
        return build(parse(mimeType), fileName, true);
    }

    public static boolean isInlineSafe(MediaType type) {
        return INLINE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    private static ResponseEntity.BodyBuilder build(MediaType type, String fileName, boolean attachment) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment, fileName))
                .header("X-Content-Type-Options", "nosniff")
                // harmless on an attachment, and it covers a browser that renders one anyway
                .header("Content-Security-Policy", SANDBOX)
                // the bytes behind a SHA-256 never change; only access rights could, so revalidate
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    static MediaType parse(String mimeType) {
        try {
            return mimeType == null || mimeType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(mimeType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** {@code inline|attachment; filename="ascii"; filename*=UTF-8''encoded}, of the base name only. */
    public static String disposition(boolean attachment, String fileName) {
        String name = baseName(fileName);
        return (attachment ? "attachment" : "inline") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + encode(name);
    }

    /**
     * The last segment of a client path, for either separator (a Windows browser sends {@code C:\…}),
     * without control characters; a name that is nothing else becomes {@code file}.
     */
    public static String baseName(String fileName) {
        if (fileName == null) {
            return UNNAMED;
        }
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        last = last.replaceAll("\\p{Cntrl}", "").strip();
        return last.isEmpty() || last.equals(".") || last.equals("..") ? UNNAMED : last;
    }

    /** Accents dropped, anything else outside a plain ASCII set made {@code _}: for old clients only. */
    static String asciiFallback(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return UNSAFE_ASCII.matcher(folded).replaceAll("_");
    }

    /** RFC 5987 {@code attr-char}s kept, every other UTF-8 byte percent-encoded. */
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
