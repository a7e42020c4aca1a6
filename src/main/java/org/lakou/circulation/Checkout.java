package org.lakou.circulation;

import java.time.Instant;

/** That a copy went out on loan, whether the loan is still running or has ended since. */
public record Checkout(String loanId, String barcode, String recordId, String memberId, Instant at) {
}
