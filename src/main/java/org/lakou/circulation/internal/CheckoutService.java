package org.lakou.circulation.internal;

import static org.lakou.circulation.Refusal.COPY_ON_LOAN;
import static org.lakou.circulation.Refusal.MEMBER_SUSPENDED;
import static org.lakou.circulation.Refusal.NOT_LOANABLE;
import static org.lakou.circulation.Refusal.NOT_ON_LOAN;
import static org.lakou.circulation.Refusal.ON_HOLD_FOR_ANOTHER;
import static org.lakou.circulation.Refusal.OVERDUE_BLOCKED;
import static org.lakou.circulation.Refusal.QUOTA_REACHED;
import static org.lakou.circulation.Refusal.RENEWALS_EXHAUSTED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyLookup;
import org.lakou.catalogue.CopyLookup.ShelvedCopy;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.circulation.Policy;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Checkout in two single-document steps, each keyed by {@code _id}: (1) claim the copy by
 * inserting {@code loans/_id=barcode}; (2) take a quota slot {@code memberId#k}. A failed step
 * undoes the first; a crash between them is repaired by the {@link Reconciler}. The catalogue
 * shows the copy as out from the claim itself ({@link LiveCopyStatus}).
 */
@Service
class CheckoutService {

    /** Slots read per member even if the table's quotas are lower, so old loans stay visible. */
    static final int SLOT_SCAN_FLOOR = 20;

    private final ClaimStore claims;
    private final SlotStore slots;
    private final HoldStore holds;
    private final HoldService holdService;
    private final PolicyTable policies;
    private final MemberApi members;
    private final CatalogueApi catalogue;
    private final CopyLookup shelf;
    private final Clock clock;

    CheckoutService(ClaimStore claims, SlotStore slots, HoldStore holds, HoldService holdService, PolicyTable policies,
            MemberApi members, CatalogueApi catalogue, CopyLookup shelf, Clock clock) {
        this.claims = claims;
        this.slots = slots;
        this.holds = holds;
        this.holdService = holdService;
        this.policies = policies;
        this.members = members;
        this.catalogue = catalogue;
        this.shelf = shelf;
        this.clock = clock;
    }

    Loan checkout(String barcode, String memberId) {
        Member m = members.get(memberId);
        if (!m.mayBorrow()) {
            throw MEMBER_SUSPENDED.refuse("Account " + memberId + " is " + m.status().code());
        }
        ShelvedCopy r = shelf.byBarcode(barcode).orElseThrow(() -> ApiException.notFound("Copy", barcode));
        Copy copy = r.copy();
        if (r.recordDeleted() || !LiveCopyStatus.LENDABLE.contains(copy.status())) {
            throw NOT_LOANABLE.refuse("Copy " + barcode + " is " + copy.status().code());
        }
        Policy p = policies.resolve(m.category().code(), r.recordType());
        if (p.maxLoans() == 0) {
            throw NOT_LOANABLE.refuse("Documents of type " + r.recordType() + " are not lent to " + m.category().code());
        }
        Instant now = clock.instant();
        List<SlotStore.Slot> mine = slots.taken(memberId, Math.max(SLOT_SCAN_FLOOR, policies.maxSlots()));
        if (p.overdueBlocks() && mine.stream().anyMatch(s -> s.due() != null && s.due().isBefore(now))) {
            throw OVERDUE_BLOCKED.refuse(null);
        }
        Set<Integer> taken = mine.stream().map(SlotStore.Slot::k).collect(Collectors.toSet());
        int k = firstFree(taken, p.maxLoans());
        if (k == 0) {
            throw QUOTA_REACHED.refuse("At most " + p.maxLoans() + " loans for " + m.category().code()
                    + " borrowing " + r.recordType());
        }
        HoldStore.Entry firstWaiting = holds.queue(r.recordId()).stream()
                .filter(e -> e.state == Hold.State.WAITING).findFirst().orElse(null);
        String loanId = Ids.newId();
        Instant due = now.plus(Duration.ofDays(p.loanDays()));
        Claim claim = new Claim(barcode, Claim.LOAN, loanId, null, memberId, r.recordId(), m.category().code(),
                r.recordType(), now, due, 0, k, null, now);
        if (!claims.insert(claim)) {
            Claim existing = claims.get(barcode).orElse(null);
            if (existing != null && existing.isHeld() && existing.memberId().equals(memberId)) {
                return pickUp(existing, claim, p, taken);
            }
            if (existing != null && existing.isHeld()) {
                throw ON_HOLD_FOR_ANOTHER.refuse("Copy " + barcode + " is kept for another member's hold");
            }
            throw COPY_ON_LOAN.refuse("Copy " + barcode + " is already on loan");
        }
        if (firstWaiting != null && !firstWaiting.memberId.equals(memberId)) {
            // a copy on the shelf while someone waits: it goes to the first in line instead
            claims.deleteLoan(barcode, loanId);
            holdService.trap(catalogue.get(r.recordId()));
            throw ON_HOLD_FOR_ANOTHER.refuse("Another member is first in the queue for this record");
        }
        int got = takeSlot(claim, p.maxLoans(), taken, now);
        if (got == 0) {
            claims.deleteLoan(barcode, loanId);
            throw QUOTA_REACHED.refuse("At most " + p.maxLoans() + " loans");
        }
        if (got != k) {
            claims.setSlot(barcode, loanId, got);
        }
        if (firstWaiting != null) {
            String holdId = firstWaiting.holdId;
            holds.update(r.recordId(), q -> q.removeIf(e -> e.holdId.equals(holdId)));
        }
        return claim.toLoan(now);
    }

    /** The member collects the copy kept for their hold: the held claim becomes their loan. */
    private Loan pickUp(Claim held, Claim wanted, Policy p, Set<Integer> taken) {
        Instant now = clock.instant();
        int got = takeSlot(wanted, p.maxLoans(), taken, now);
        if (got == 0) {
            throw QUOTA_REACHED.refuse("At most " + p.maxLoans() + " loans");
        }
        Claim loan = new Claim(wanted.barcode(), Claim.LOAN, wanted.loanId(), null, wanted.memberId(),
                wanted.recordId(), wanted.category(), wanted.documentType(), now, wanted.due(), 0, got, null, now);
        if (!claims.replaceIf(ClaimStore.held(held.barcode(), held.holdId()), loan)) {
            slots.release(wanted.memberId(), got, wanted.loanId());
            throw ON_HOLD_FOR_ANOTHER.refuse("The hold on this copy has just expired or moved on");
        }
        holds.update(held.recordId(), q -> q.removeIf(e -> e.holdId.equals(held.holdId())));
        return loan.toLoan(now);
    }

    /** Inserts the first free slot k ≤ max; a slot lost to a racing checkout by the same member is skipped. */
    private int takeSlot(Claim c, int max, Set<Integer> taken, Instant now) {
        for (int k = 1; k <= max; k++) {
            if (!taken.contains(k) && slots.take(c.memberId(), k, c.barcode(), c.loanId(), c.due(), now)) {
                return k;
            }
        }
        return 0;
    }

    private static int firstFree(Set<Integer> taken, int max) {
        for (int k = 1; k <= max; k++) {
            if (!taken.contains(k)) {
                return k;
            }
        }
        return 0;
    }

    Loan renew(String barcode) {
        Claim c = claims.get(barcode).filter(Claim::isLoan)
                .orElseThrow(() -> NOT_ON_LOAN.refuse("Copy " + barcode + " is not on loan"));
        Member m = members.get(c.memberId());
        if (!m.mayBorrow()) {
            throw MEMBER_SUSPENDED.refuse("Account " + m.id() + " is " + m.status().code());
        }
        Policy p = policies.resolve(c.category(), c.documentType());
        if (c.renewals() >= p.maxRenewals()) {
            throw RENEWALS_EXHAUSTED.refuse("This loan was renewed " + c.renewals() + " time(s), the maximum");
        }
        if (holds.queue(c.recordId()).stream().anyMatch(e -> e.state == Hold.State.WAITING)) {
            throw ON_HOLD_FOR_ANOTHER.refuse("Another member is waiting for this record");
        }
        Instant now = clock.instant();
        Instant due = (c.due().isAfter(now) ? c.due() : now).plus(Duration.ofDays(p.loanDays()));
        Claim renewed = claims.modify(ClaimStore.loan(barcode, c.loanId()).and("renewals").is(c.renewals()),
                new Update().set("due", Date.from(due)).inc("renewals", 1));
        if (renewed == null) {
            throw RENEWALS_EXHAUSTED.refuse("The loan changed meanwhile; look at it again");
        }
        slots.setDue(c.memberId(), c.slot(), c.loanId(), due);
        return renewed.toLoan(now);
    }

    static Copy copyOf(Record r, String barcode) {
        return r.copies().stream().filter(c -> c.barcode().equals(barcode)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Copy", barcode));
    }
}
