package org.lakou.requests;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** What the member expects back. */
public enum AnswerKind {
    REFERENCES, DOCUMENTS, LOAN, APPOINTMENT;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static AnswerKind of(String code) {
        return EnumCodes.parse(AnswerKind.class, code);
    }
}
