package org.lakou.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.lakou.shared.EnumCodes;

/**
 * Who a member is, as the activity report counts them: local authority agents and elected
 * officials, State agents, associations, social landlords and firms, and the rest. The category is
 * one axis of the loan policy table.
 */
public enum MemberCategory {
    COLLECTIVITE("collectivite"), ETAT("etat"), ASSOCIATION("association"),
    BAILLEUR_ENTREPRISE("bailleur-entreprise"), AUTRE("autre");

    private final String code;

    MemberCategory(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static MemberCategory of(String code) {
        return EnumCodes.parse(MemberCategory.class, code);
    }
}
