package org.lakou.ingest.internal.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.parser.ocr.TesseractOCRParser;

/**
 * A worker's Tesseract parsers, one per configured directory (in practice one): Tika probes the
 * binary when a parser is set up, so it is done once per worker, not per file. A missing binary
 * is remembered as such: scans then simply come back without text.
 */
final class Tesseracts {

    private final Map<String, Optional<TesseractOCRParser>> byDir = new HashMap<>();

    synchronized Optional<TesseractOCRParser> forDir(String dir) {
        return byDir.computeIfAbsent(dir == null ? "" : dir, Tesseracts::load);
    }

    private static Optional<TesseractOCRParser> load(String dir) {
        try {
            TesseractOCRParser parser = new TesseractOCRParser();
            if (!dir.isBlank()) {
                parser.setTesseractPath(dir);
            }
            parser.initialize(Map.of());
            if (parser.hasTesseract()) {
                return Optional.of(parser);
            }
            System.err.println("tesseract not found" + (dir.isBlank() ? " on the PATH" : " in " + dir) + ": no OCR");
        } catch (TikaConfigException e) {
            System.err.println("tesseract unusable: " + e.getMessage() + ": no OCR");
        }
        return Optional.empty();
    }
}
