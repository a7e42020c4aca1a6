package org.lakou.search;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.lakou.shared.ApiException;

/**
 * A documentalist's answer to one suggestion, kept so the suggestion is shown as decided next
 * time. {@code recordVersion} is the record's version after the decision (an accepted subject
 * is saved on the record).
 */
public record SubjectDecision(
        String recordId,
        String conceptUri,
        String label,
        Decision decision,
        Instant decidedAt,
        long recordVersion) {

    public enum Decision {
        ACCEPTED, REJECTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Decision parse(String value) {
            if (value != null) {
                for (Decision d : values()) {
                    if (d.code().equalsIgnoreCase(value.trim())) {
                        return d;
                    }
                }
            }
            throw ApiException.badRequest("decision must be accepted or rejected").with("parameter", "decision");
        }
    }
}
