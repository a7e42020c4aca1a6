package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file attached to a record. Its id is the SHA-256 of its bytes, which is also its key in the
 * file store, so the same bytes are stored once. {@code ocr} is set once OCR was tried on it (its
 * text then came from Tesseract when {@code textStatus} is {@code ocr}), null otherwise.
 */
public record FileRef(
        String id,
        String name,
        String mimeType,
        long size,
        Integer pages,
        long textLength,
        boolean truncated,
        TextStatus textStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) OcrInfo ocr) {

    public FileRef(String id, String name, String mimeType, long size, Integer pages, long textLength,
            boolean truncated, TextStatus textStatus) {
        this(id, name, mimeType, size, pages, textLength, truncated, textStatus, null);
    }
}
