package org.lakou.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/** The shelf status of a physical copy, as a documentalist would see it at the desk. */
public enum CopyStatus {
    AVAILABLE, ON_LOAN, ON_HOLD, IN_PROCESSING, LOST, DAMAGED, WITHDRAWN;

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    @JsonCreator
    public static CopyStatus of(String code) {
        return EnumCodes.parse(CopyStatus.class, code);
    }
}
