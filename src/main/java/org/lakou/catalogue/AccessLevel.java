package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a record's files: everyone, members, or staff only. */
public enum AccessLevel {
    PUBLIC, MEMBERS, STAFF;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static AccessLevel of(String code) {
        return valueOf(code.trim().toUpperCase());
    }
}
