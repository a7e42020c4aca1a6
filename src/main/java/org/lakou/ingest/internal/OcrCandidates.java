package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether a file may need OCR at all: a PDF or an image, known by its first bytes. Only those are
 * sent to a worker with an OCR request, because the request lengthens the worker's hard limit by
 * the whole OCR budget; a hung parse of any other file must still be killed after
 * {@code parse-timeout}, not minutes later.
 */
final class OcrCandidates {

    private static final byte[][] MAGIC = {
        {'%', 'P', 'D', 'F'}, // PDF
        {(byte) 0x89, 'P', 'N', 'G'}, // PNG
        {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, // JPEG
        {'I', 'I', 42, 0}, // TIFF, little-endian
        {'M', 'M', 0, 42}, // TIFF, big-endian
    };

    private OcrCandidates() {
    }

    static boolean mayNeedOcr(Path file) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false; // the parse will say what is wrong with the file
        }
        for (byte[] m : MAGIC) {
            if (n >= m.length && Arrays.equals(head, 0, m.length, m, 0, m.length)) {
                return true;
            }
        }
        return false;
    }
}
