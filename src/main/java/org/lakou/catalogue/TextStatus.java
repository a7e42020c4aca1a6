package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether text could be extracted from a file: {@code none} tells staff a scan needs OCR. */
public enum TextStatus {
    EXTRACTED, NONE;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
