package org.lakou.circulation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lakou.circulation.Checkout;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.circulation.LoanHistoryEntry;
import org.lakou.circulation.Policy;
import org.lakou.members.MemberApi;
import org.springframework.stereotype.Service;

/** The module's API, delegating to the step-by-step services. */
@Service
class CirculationService implements CirculationApi {

    private final CheckoutService checkouts;
    private final ReturnService returns;
    private final HoldService holds;
    private final ClaimStore claims;
    private final SlotStore slots;
    private final HistoryStore history;
    private final HoldStore holdStore;
    private final PolicyTable policies;
    private final MemberApi members;
    private final NoticeService notices;
    private final Clock clock;

    CirculationService(CheckoutService checkouts, ReturnService returns, HoldService holds, ClaimStore claims,
            SlotStore slots, HistoryStore history, HoldStore holdStore, PolicyTable policies, MemberApi members,
            NoticeService notices, Clock clock) {
        this.checkouts = checkouts;
        this.returns = returns;
        this.holds = holds;
        this.claims = claims;
        this.slots = slots;
        this.history = history;
        this.holdStore = holdStore;
        this.policies = policies;
        this.members = members;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Loan checkout(String barcode, String memberId) {
        return checkouts.checkout(barcode, memberId);
    }

    @Override
    public ReturnResult checkin(String barcode, boolean damaged) {
        return returns.checkin(barcode, damaged);
    }

    @Override
    public Loan renew(String barcode) {
        return checkouts.renew(barcode);
    }

    @Override
    public LoanHistoryEntry declareLost(String barcode) {
        return returns.declareLost(barcode);
    }

    @Override
    public Optional<Loan> loanOf(String barcode) {
        Instant now = clock.instant();
        return claims.get(barcode).filter(Claim::isLoan).map(c -> c.toLoan(now));
    }

    /** The member's slots (one {@code _id $in} read), then their claims (another). */
    @Override
    public List<Loan> loansOf(String memberId) {
        members.get(memberId);
        Instant now = clock.instant();
        var mine = slots.taken(memberId, Math.max(CheckoutService.SLOT_SCAN_FLOOR, policies.maxSlots()));
        var loanIds = mine.stream().map(SlotStore.Slot::loanId).toList();
        return claims.getAll(mine.stream().map(SlotStore.Slot::barcode).toList()).stream()
                .filter(c -> c.isLoan() && loanIds.contains(c.loanId()))
                .map(c -> c.toLoan(now)).sorted(Comparator.comparing(Loan::due)).toList();
    }

    @Override
    public List<Loan> overdue() {
        Instant now = clock.instant();
        return claims.all().stream().filter(c -> c.isLoan() && c.due().isBefore(now)).map(c -> c.toLoan(now))
                .sorted(Comparator.comparing(Loan::due)).toList();
    }

    @Override
    public int remindOverdue() {
        return notices.remindOverdue();
    }

    @Override
    public List<Hold> holdsToServe() {
        return notices.readyHolds().stream().sorted(Comparator.comparing(Hold::pickupBy)).toList();
    }

    @Override
    public List<LoanHistoryEntry> historyOfMember(String memberId) {
        return history.ofMember(memberId);
    }

    @Override
    public List<LoanHistoryEntry> historyOfCopy(String barcode) {
        return history.ofCopy(barcode);
    }

    /** A loan ending right now may be in both places for a moment: one checkout per loan id. */
    @Override
    public List<Checkout> checkoutsBetween(Instant from, Instant to) {
        Map<String, Checkout> byLoan = new HashMap<>();
        history.checkedOutBetween(from, to).forEach(c -> byLoan.put(c.loanId(), c));
        claims.all().stream().filter(c -> c.isLoan() && !c.checkedOut().isBefore(from) && c.checkedOut().isBefore(to))
                .forEach(c -> byLoan.putIfAbsent(c.loanId(), new Checkout(c.loanId(), c.barcode(), c.recordId(),
                        c.memberId(), c.category(), c.checkedOut())));
        return byLoan.values().stream().sorted(Comparator.comparing(Checkout::at)).toList();
    }

    @Override
    public Hold placeHold(String recordId, String memberId, String requestId) {
        return holds.place(recordId, memberId, requestId);
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return holds.find(holdId);
    }

    @Override
    public void cancelHold(String holdId) {
        holds.cancel(holdId);
    }

    @Override
    public List<Hold> holdsOf(String memberId) {
        return holdStore.ofMember(memberId);
    }

    @Override
    public List<Hold> holdQueue(String recordId) {
        return holdStore.holds(recordId);
    }

    @Override
    public List<Policy> policies() {
        return policies.all();
    }

    @Override
    public Policy putPolicy(Policy policy) {
        return policies.put(policy);
    }

    @Override
    public void deletePolicy(String category, String documentType) {
        policies.delete(category, documentType);
    }
}
