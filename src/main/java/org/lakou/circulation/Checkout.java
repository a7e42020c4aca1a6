package org.lakou.circulation;

import java.time.Instant;

/**
 * That a copy went out on loan, whether the loan is still running or has ended since.
 *
 * @param category the member's category code when the loan was made; null for loans returned
 *                 before Lakou kept it
 */
public record Checkout(String loanId, String barcode, String recordId, String memberId, String category,
        Instant at) {
}
