package org.lakou.circulation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.Hold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Repairs what a crash between single-document steps leaves behind: a claim without its quota
 * slot (interrupted checkout: undone), a claim whose loan is already in the history (interrupted
 * return: finished), a slot without its claim (freed), a held claim whose queue entry is not
 * ready (fixed or passed on), and copies on the shelf while members wait (trapped). Anything younger than the grace period may be in flight and is left
 * alone. Full scans of small collections, run at start-up and periodically under a lease.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final ClaimStore claims;
    private final SlotStore slots;
    private final HistoryStore history;
    private final HoldStore holdStore;
    private final HoldService holds;
    private final ReturnService returns;
    private final NoticeService notices;
    private final CatalogueApi catalogue;
    private final CirculationProperties props;
    private final Clock clock;

    Reconciler(ClaimStore claims, SlotStore slots, HistoryStore history, HoldStore holdStore, HoldService holds,
            ReturnService returns, NoticeService notices, CatalogueApi catalogue,
            CirculationProperties props, Clock clock) {
        this.claims = claims;
        this.slots = slots;
        this.history = history;
        this.holdStore = holdStore;
        this.holds = holds;
        this.returns = returns;
        this.notices = notices;
        this.catalogue = catalogue;
        this.props = props;
        this.clock = clock;
    }

    record Report(int checkoutsUndone, int returnsFinished, int slotsFreed, int holdsFixed, int copiesTrapped) {
        int total() {
            return checkoutsUndone + returnsFinished + slotsFreed + holdsFixed + copiesTrapped;
        }
    }

    Report run() {
        Instant cutoff = clock.instant().minus(props.reconcileGrace());
        int undone = 0;
        int finished = 0;
        int freed = 0;
        int fixed = 0;
        var allSlots = slots.all();
        Map<String, SlotStore.Slot> slotOfLoan = new HashMap<>();
        allSlots.forEach(s -> slotOfLoan.put(s.loanId(), s));
        Map<String, Claim> claimOf = new HashMap<>();
        for (Claim c : claims.all()) {
            claimOf.put(c.barcode(), c);
            if (c.claimedAt() != null && c.claimedAt().isAfter(cutoff)) {
                continue;
            }
            if (c.isLoan()) {
                var ended = history.find(c.loanId());
                if (ended.isPresent()) {
                    returns.finish(c, ended.get().outcome());
                    finished++;
                } else if (!slotOfLoan.containsKey(c.loanId())) {
                    claims.deleteLoan(c.barcode(), c.loanId());
                    undone++;
                }
            } else {
                fixed += fixHeld(c) ? 1 : 0;
            }
        }
        for (SlotStore.Slot s : allSlots) {
            Claim c = claimOf.get(s.barcode());
            boolean young = s.takenAt() != null && s.takenAt().isAfter(cutoff);
            if (!young && (c == null || !s.loanId().equals(c.loanId()))) {
                slots.release(s.memberId(), s.k(), s.loanId());
                freed++;
            }
        }
        int trapped = 0;
        for (String recordId : holdStore.recordsWithHolds()) {
            var r = catalogue.find(recordId);
            if (r.isPresent()) {
                trapped += holds.trap(r.get());
            }
        }
        Report report = new Report(undone, finished, freed, fixed, trapped);
        if (report.total() > 0) {
            log.info("Circulation reconciler repaired: {}", report);
        }
        return report;
    }

    private boolean fixHeld(Claim c) {
        Hold hold = holdStore.holds(c.recordId()).stream().filter(h -> h.id().equals(c.holdId())).findFirst()
                .orElse(null);
        if (hold == null) {
            holds.passOn(c, ClaimStore.held(c.barcode(), c.holdId()));
            return true;
        }
        if (hold.state() == Hold.State.WAITING || !c.barcode().equals(hold.barcode())) {
            Hold ready = holds.markReady(c.recordId(), c.holdId(), c.barcode(), c.pickupBy());
            if (ready != null) {
                notices.holdReadyLater(ready);
            }
            return true;
        }
        return false;
    }
}
