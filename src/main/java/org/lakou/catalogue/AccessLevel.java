package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

import org.lakou.shared.Viewer;

/** Who may see a record's files: everyone, members, or staff only. */
public enum AccessLevel {
    PUBLIC, MEMBERS, STAFF;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /**
     * Whether {@code viewer} may read files (and their text) at this level: public for everyone,
     * members for members and staff, staff for documentalists and administrators. The one rule
     * for downloads and for full-text search.
     */
    public boolean openTo(Viewer viewer) {
        return switch (this) {
            case PUBLIC -> true;
            case MEMBERS -> viewer.isMember();
            case STAFF -> viewer.isStaff();
        };
    }

    @JsonCreator
    public static AccessLevel of(String code) {
        return EnumCodes.parse(AccessLevel.class, code);
    }
}
