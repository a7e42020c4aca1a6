package org.lakou.ingest.internal.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between the server and a parse worker, over the child's stdin and stdout.
 * Strings are length-prefixed UTF-8 (not {@code writeUTF}, which stops at 64 KB), so a 2 M
 * character text travels as one frame. Both sides are in this class so they cannot drift apart.
 */
public final class WorkerProtocol {

    /** Sent once by a worker after its warm-up; anything else first means the child is broken. */
    static final int READY = 0x4C414B55;
    static final byte PARSE = 1;
    static final byte QUIT = 2;
    /** Far above any real string (4 M characters of text is 16 MB at most); garbage must not size an array. */
    private static final int MAX_STRING_BYTES = 64 << 20;

    private WorkerProtocol() {
    }

    /** What the parent asks: parse this file, whose original name steers type detection; no OCR when {@code ocr} is null. */
    public record Request(String path, String fileName, int maxChars, OcrRequest ocr) {

        public Request(String path, String fileName, int maxChars) {
            this(path, fileName, maxChars, null);
        }
    }

    /**
     * OCR for this file: Tesseract's languages ({@code fra+eng}), the directory holding the
     * {@code tesseract} binary (empty: the PATH), a bound per page and one for the whole document,
     * and how many image pages of a PDF that has a text layer elsewhere may be read.
     */
    public record OcrRequest(String language, String tesseractDir, long pageTimeoutMillis, long documentTimeoutMillis,
            int dpi, int pagesBesideText) {

        /** No limit on the image pages of a PDF with a text layer: the document bound only. */
        public OcrRequest(String language, String tesseractDir, long pageTimeoutMillis, long documentTimeoutMillis,
                int dpi) {
            this(language, tesseractDir, pageTimeoutMillis, documentTimeoutMillis, dpi, Integer.MAX_VALUE);
        }
    }

    /** What OCR did: one outcome per page tried ({@code ok}, {@code empty}, {@code timeout}, …). */
    public record OcrReport(List<Integer> pages, List<String> outcomes, Double meanConfidence) {

        public long read() {
            return outcomes.stream().filter("ok"::equals).count();
        }
    }

    /** How a parse ended; the last two are decided by the parent, never sent by a child. */
    public enum Code { OK, ENCRYPTED, CORRUPT, UNSUPPORTED, TOO_LARGE, TIMEOUT, CRASHED }

    /**
     * The result of one parse. {@code metadata} carries only the keys the catalogue uses;
     * {@code recycle} asks the parent to replace this worker (after an Error its state is suspect).
     */
    public record Response(Code code, String detectedType, String detail, Map<String, List<String>> metadata,
            String language, boolean truncated, String text, long heapPeakBytes, boolean recycle, OcrReport ocr) {

        public Response(Code code, String detectedType, String detail, Map<String, List<String>> metadata,
                String language, boolean truncated, String text, long heapPeakBytes, boolean recycle) {
            this(code, detectedType, detail, metadata, language, truncated, text, heapPeakBytes, recycle, null);
        }

        public static Response failure(Code code, String detectedType, String detail) {
            return new Response(code, detectedType, detail, Map.of(), null, false, "", 0, false);
        }

        public String first(String key) {
            List<String> values = metadata.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    static void writeRequest(DataOutputStream out, Request r) throws IOException {
        out.writeByte(PARSE);
        writeString(out, r.path());
        writeString(out, r.fileName());
        out.writeInt(r.maxChars());
        out.writeBoolean(r.ocr() != null);
        if (r.ocr() != null) {
            writeString(out, r.ocr().language());
            writeString(out, r.ocr().tesseractDir());
            out.writeLong(r.ocr().pageTimeoutMillis());
            out.writeLong(r.ocr().documentTimeoutMillis());
            out.writeInt(r.ocr().dpi());
            out.writeInt(r.ocr().pagesBesideText());
        }
        out.flush();
    }

    static void writeQuit(DataOutputStream out) throws IOException {
        out.writeByte(QUIT);
        out.flush();
    }

    /** Null when the parent says quit or has gone away. */
    static Request readRequest(DataInputStream in) throws IOException {
        int op;
        try {
            op = in.readByte();
        } catch (EOFException parentGone) {
            return null;
        }
        if (op != PARSE) {
            return null;
        }
        String path = readString(in);
        String name = readString(in);
        int maxChars = in.readInt();
        OcrRequest ocr = in.readBoolean()
                ? new OcrRequest(readString(in), readString(in), in.readLong(), in.readLong(), in.readInt(),
                        in.readInt()) : null;
        return new Request(path, name, maxChars, ocr);
    }

    static void writeResponse(DataOutputStream out, Response r) throws IOException {
        out.writeByte(r.code().ordinal());
        writeString(out, r.detectedType());
        writeString(out, r.detail());
        int pairs = r.metadata().values().stream().mapToInt(List::size).sum();
        out.writeInt(pairs);
        for (var e : r.metadata().entrySet()) {
            for (String v : e.getValue()) {
                writeString(out, e.getKey());
                writeString(out, v);
            }
        }
        writeString(out, r.language());
        out.writeBoolean(r.truncated());
        writeString(out, r.text());
        out.writeLong(r.heapPeakBytes());
        out.writeBoolean(r.recycle());
        writeOcr(out, r.ocr());
        out.flush();
    }

    static Response readResponse(DataInputStream in) throws IOException {
        int ordinal = in.readByte();
        if (ordinal < 0 || ordinal >= Code.values().length) {
            throw new IOException("garbled answer from the parse worker (first byte " + ordinal + ")");
        }
        Code code = Code.values()[ordinal];
        String type = readString(in);
        String detail = readString(in);
        int pairs = in.readInt();
        if (pairs < 0 || pairs > 10_000) {
            throw new IOException("garbled answer from the parse worker (" + pairs + " metadata values)");
        }
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        for (int i = 0; i < pairs; i++) {
            String key = readString(in);
            metadata.computeIfAbsent(key, k -> new ArrayList<>()).add(readString(in));
        }
        String language = readString(in);
        boolean truncated = in.readBoolean();
        String text = readString(in);
        long heap = in.readLong();
        boolean recycle = in.readBoolean();
        return new Response(code, type, detail, metadata, language, truncated, text == null ? "" : text, heap,
                recycle, readOcr(in));
    }

    private static void writeOcr(DataOutputStream out, OcrReport ocr) throws IOException {
        out.writeInt(ocr == null ? -1 : ocr.outcomes().size());
        if (ocr != null) {
            for (int i = 0; i < ocr.outcomes().size(); i++) {
                out.writeInt(ocr.pages().get(i));
                writeString(out, ocr.outcomes().get(i));
            }
            out.writeDouble(ocr.meanConfidence() == null ? -1 : ocr.meanConfidence());
        }
    }

    private static OcrReport readOcr(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > 1_000_000) {
            throw new IOException("garbled answer from the parse worker (" + n + " OCR pages)");
        }
        List<Integer> pages = new ArrayList<>(n);
        List<String> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pages.add(in.readInt());
            outcomes.add(readString(in));
        }
        double confidence = in.readDouble();
        return new OcrReport(pages, outcomes, confidence < 0 ? null : confidence);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("garbled answer from the parse worker (string of " + n + " bytes)");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
