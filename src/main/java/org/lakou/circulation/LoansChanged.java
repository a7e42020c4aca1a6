package org.lakou.circulation;

/**
 * Published after circulation wrote a copy's claim (checkout, renewal, return, a hold kept for
 * pickup) or a loan's history, for read caches built from the loans, such as the activity report.
 */
public record LoansChanged(String barcode) {
}
