package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** A record's editorial state. Deletion is not a status: a deleted record becomes a tombstone. */
public enum RecordStatus {
    DRAFT, PUBLISHED, WITHDRAWN;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static RecordStatus of(String code) {
        return EnumCodes.parse(RecordStatus.class, code);
    }
}
