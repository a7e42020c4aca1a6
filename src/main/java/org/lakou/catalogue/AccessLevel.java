package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** Who may see a record's files: everyone, members, or staff only. */
public enum AccessLevel {
    PUBLIC, MEMBERS, STAFF;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static AccessLevel of(String code) {
        return EnumCodes.parse(AccessLevel.class, code);
    }
}
