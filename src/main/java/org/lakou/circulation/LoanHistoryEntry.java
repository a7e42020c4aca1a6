package org.lakou.circulation;

import java.time.Instant;

/** A finished loan: returned, returned damaged, or declared lost. */
public record LoanHistoryEntry(
        String loanId,
        String barcode,
        String recordId,
        String memberId,
        Instant checkedOut,
        Instant due,
        Instant ended,
        int renewals,
        Outcome outcome) {

    public enum Outcome { RETURNED, DAMAGED, LOST }
}
