package org.lakou.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** How often a digest may go out: at most once per day, or per ISO week (from Monday). */
public enum AlertFrequency {
    DAILY, WEEKLY;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static AlertFrequency of(String code) {
        return EnumCodes.parse(AlertFrequency.class, code);
    }
}
