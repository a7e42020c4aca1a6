package org.lakou.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a file could not become a record. The codes are part of the HTTP API ({@code reason}). */
public enum QuarantineReason {
    /** Password-protected, certificate-encrypted or DRM-wrapped. */
    ENCRYPTED("encrypted"),
    /** The type was recognised but the parser failed on the bytes. */
    CORRUPT("corrupt"),
    /** The parse did not finish within {@code lakou.ingest.parse-timeout}; the parser process was killed. */
    TIMEOUT("timeout"),
    /** Over the size limit, out of parser memory, or a suspected decompression bomb. */
    TOO_LARGE("too-large"),
    /** No parser for the type, or an archive: archives are unpacked by staff and imported as a folder. */
    UNSUPPORTED("unsupported");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static QuarantineReason of(String code) {
        for (QuarantineReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown quarantine reason " + code);
    }
}
