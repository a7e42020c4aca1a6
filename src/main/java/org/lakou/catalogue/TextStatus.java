package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether text could be extracted from a file: {@code none} tells staff a scan still has no text,
 * {@code ocr} that its text was read from page images by Tesseract, not taken from a text layer.
 */
public enum TextStatus {
    EXTRACTED, NONE, OCR;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
