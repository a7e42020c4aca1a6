package org.lakou.requests;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** NEW → ACCEPTED | REFUSED → IN_PROGRESS → ANSWERED → CLOSED. */
public enum RequestStatus {
    NEW, ACCEPTED, REFUSED, IN_PROGRESS, ANSWERED, CLOSED;

    public Set<RequestStatus> next() {
        return switch (this) {
            case NEW -> Set.of(ACCEPTED, REFUSED);
            case ACCEPTED -> Set.of(IN_PROGRESS);
            case IN_PROGRESS -> Set.of(ANSWERED);
            case ANSWERED -> Set.of(CLOSED);
            case REFUSED, CLOSED -> Set.of();
        };
    }

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    @JsonCreator
    public static RequestStatus of(String code) {
        return EnumCodes.parse(RequestStatus.class, code);
    }
}
