package org.lakou.circulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The circulation desk. Refusals are {@link org.lakou.shared.ApiException}s with a {@link Refusal} code. */
public interface CirculationApi {

    Loan checkout(String barcode, String memberId);

    /** Returns a copy; when a hold waits for the record, the copy goes to it and the result says so. */
    ReturnResult checkin(String barcode, boolean damaged);

    Loan renew(String barcode);

    LoanHistoryEntry declareLost(String barcode);

    Optional<Loan> loanOf(String barcode);

    List<Loan> loansOf(String memberId);

    List<Loan> overdue();

    /**
     * The desk's "send the reminders again": an overdue notice to every borrower of an overdue loan,
     * whatever the scheduled sweep already sent, but at most once per loan and day (a double click
     * sends nothing twice). Returns how many were sent.
     */
    int remindOverdue();

    /** The holds a copy is kept for on the shelf (READY), the pickup deadline nearest first. */
    List<Hold> holdsToServe();

    List<LoanHistoryEntry> historyOfMember(String memberId);

    List<LoanHistoryEntry> historyOfCopy(String barcode);

    /**
     * Every checkout in {@code [from, to)}, running or ended, oldest first. A sweep over the active
     * loans and the history, for the activity report; never on a desk request.
     */
    List<Checkout> checkoutsBetween(Instant from, Instant to);

    /**
     * Places a hold for {@code memberId}. The caller ({@link org.lakou.shared.Viewer#current()}) must
     * be able to see the record, by the catalogue's one rule: a draft, withdrawn, staff-only or
     * deleted record answers 404 to a member, as reading it does.
     */
    Hold placeHold(String recordId, String memberId, String requestId);

    Optional<Hold> findHold(String holdId);

    void cancelHold(String holdId);

    List<Hold> holdsOf(String memberId);

    List<Hold> holdQueue(String recordId);

    List<Policy> policies();

    Policy putPolicy(Policy policy);

    void deletePolicy(String category, String documentType);

    record ReturnResult(LoanHistoryEntry loan, Hold nowReadyFor) {
    }
}
