package org.lakou.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/**
 * {@code active}; {@code suspended}: may log in and return, may not borrow or hold;
 * {@code closed}: may not log in at all.
 */
public enum MemberStatus {
    ACTIVE, SUSPENDED, CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static MemberStatus of(String code) {
        return EnumCodes.parse(MemberStatus.class, code);
    }
}
