package org.lakou.circulation;

import java.time.Instant;

/** An active loan of one copy. */
public record Loan(
        String id,
        String barcode,
        String recordId,
        String memberId,
        Instant checkedOut,
        Instant due,
        int renewals,
        boolean overdue) {
}
