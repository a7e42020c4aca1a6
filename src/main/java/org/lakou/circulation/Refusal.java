package org.lakou.circulation;

import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;

/** Why the desk said no; the code travels as the ProblemDetail's {@code reason}. */
public enum Refusal {
    QUOTA_REACHED("quota-reached", "The member has reached their loan quota"),
    COPY_ON_LOAN("copy-on-loan", "This copy is already on loan"),
    ON_HOLD_FOR_ANOTHER("on-hold-for-another", "This copy is kept for another member's hold"),
    MEMBER_SUSPENDED("member-suspended", "The member's account is suspended or closed"),
    OVERDUE_BLOCKED("overdue-blocked", "The member has overdue loans; return them first"),
    RENEWALS_EXHAUSTED("renewals-exhausted", "No renewals are left for this loan"),
    NOT_LOANABLE("not-loanable", "This copy cannot be borrowed"),
    NOT_ON_LOAN("not-on-loan", "This copy is not on loan"),
    ALREADY_HELD("already-held", "The member already holds or borrows this record");

    private final String code;
    private final String text;

    Refusal(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    /** A 409 ProblemDetail carrying {@code reason} and the detail given. */
    public ApiException refuse(String detail) {
        return new ApiException(HttpStatus.CONFLICT, text, detail == null ? text : detail).with("reason", code);
    }
}
