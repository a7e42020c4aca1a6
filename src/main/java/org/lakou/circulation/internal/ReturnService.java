package org.lakou.circulation.internal;

import static org.lakou.circulation.Refusal.NOT_ON_LOAN;

import java.time.Clock;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi.ReturnResult;
import org.lakou.circulation.Hold;
import org.lakou.circulation.LoanHistoryEntry;
import org.lakou.circulation.LoanHistoryEntry.Outcome;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A return: append to the history (idempotent, keyed by loan id), hand the copy to the first hold
 * or delete the claim (guarded by the loan id: one winner), then free the quota slot (guarded
 * too). The reconciler finishes a return interrupted after its history entry.
 */
@Service
class ReturnService {

    private final ClaimStore claims;
    private final SlotStore slots;
    private final HistoryStore history;
    private final HoldService holds;
    private final CatalogueApi catalogue;
    private final Clock clock;

    ReturnService(ClaimStore claims, SlotStore slots, HistoryStore history, HoldService holds,
            CatalogueApi catalogue, Clock clock) {
        this.claims = claims;
        this.slots = slots;
        this.history = history;
        this.holds = holds;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    ReturnResult checkin(String barcode, boolean damaged) {
        return finish(active(barcode), damaged ? Outcome.DAMAGED : Outcome.RETURNED);
    }

    LoanHistoryEntry declareLost(String barcode) {
        return finish(active(barcode), Outcome.LOST).loan();
    }

    private Claim active(String barcode) {
        Claim c = claims.get(barcode).orElseThrow(() -> NOT_ON_LOAN.refuse("Copy " + barcode + " is not on loan"));
        if (!c.isLoan()) {
            throw NOT_ON_LOAN.refuse("Copy " + barcode + " is kept for a hold, not on loan");
        }
        return c;
    }

    ReturnResult finish(Claim c, Outcome outcome) {
        LoanHistoryEntry entry = new LoanHistoryEntry(c.loanId(), c.barcode(), c.recordId(), c.memberId(),
                c.checkedOut(), c.due(), clock.instant(), c.renewals(), outcome);
        history.append(entry, c.category());
        Hold ready = null;
        boolean acted;
        if (outcome == Outcome.RETURNED) {
            HoldService.Passed passed = holds.passOn(c, ClaimStore.loan(c.barcode(), c.loanId()));
            acted = passed.acted();
            ready = passed.ready();
        } else {
            // not lendable first, so nobody borrows it between the claim's removal and the status change
            setStatus(c.recordId(), c.barcode(), outcome == Outcome.LOST ? CopyStatus.LOST : CopyStatus.DAMAGED);
            acted = claims.deleteLoan(c.barcode(), c.loanId());
        }
        if (acted) {
            slots.release(c.memberId(), c.slot(), c.loanId());
        }
        return new ReturnResult(entry, ready);
    }

    private void setStatus(String recordId, String barcode, CopyStatus status) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Record r = catalogue.find(recordId).orElse(null);
            if (r == null || r.deleted()) {
                return;
            }
            try {
                catalogue.updateCopy(recordId, CheckoutService.copyOf(r, barcode).withStatus(status));
                return;
            } catch (OptimisticLockingFailureException raced) {
                // read again
            }
        }
    }
}
