package org.lakou.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** Each role includes the previous one: ADMIN > DOCUMENTALIST > MEMBER. */
public enum Role {
    MEMBER, DOCUMENTALIST, ADMIN;

    public boolean isStaff() {
        return this != MEMBER;
    }

    /** Lower case in JSON, query parameters and forms, like every other Lakou enum. */
    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String code) {
        return EnumCodes.parse(Role.class, code);
    }
}
