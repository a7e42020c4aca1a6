package org.lakou.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
        for (MemberCategory c : values()) {
            if (c.code.equalsIgnoreCase(code.trim()) || c.name().equalsIgnoreCase(code.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown member category " + code
                + "; one of collectivite, etat, association, bailleur-entreprise, autre");
    }
}
