package org.lakou.circulation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * One row of the loan policy table: for a member category × a document type ({@code *} for any),
 * how many loans a member may hold when borrowing that type, for how long, how many renewals, and
 * whether an overdue loan blocks new checkouts. {@code maxLoans = 0} makes the type not loanable.
 */
public record Policy(
        @NotBlank String category,
        @NotBlank String documentType,
        @Min(0) @Max(100) int maxLoans,
        @Min(1) @Max(365) int loanDays,
        @Min(0) @Max(20) int maxRenewals,
        boolean overdueBlocks) {

    public static final String ANY = "*";

    public String key() {
        return category + "|" + documentType;
    }
}
