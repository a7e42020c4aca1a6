package org.lakou.circulation.internal;

import static org.lakou.circulation.Refusal.ALREADY_HELD;
import static org.lakou.circulation.Refusal.MEMBER_SUSPENDED;
import static org.lakou.circulation.Refusal.NOT_LOANABLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Hold;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.Viewer;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Holds, first come first served. A copy is handed to a hold by turning its claim into a
 * {@code held} claim for that member (the same atomic {@code _id} claim as a loan), then marking
 * the queue entry ready; a copy on the shelf while someone waits is trapped the same way.
 */
@Service
class HoldService {

    private final ClaimStore claims;
    private final HoldStore holds;
    private final MemberApi members;
    private final CatalogueApi catalogue;
    private final NoticeService notices;
    private final CirculationProperties props;
    private final Clock clock;

    HoldService(ClaimStore claims, HoldStore holds, MemberApi members, CatalogueApi catalogue,
            NoticeService notices, CirculationProperties props, Clock clock) {
        this.claims = claims;
        this.holds = holds;
        this.members = members;
        this.catalogue = catalogue;
        this.notices = notices;
        this.props = props;
        this.clock = clock;
    }

    Hold place(String recordId, String memberId, String requestId) {
        Member m = members.get(memberId);
        if (!m.mayBorrow()) {
            throw MEMBER_SUSPENDED.refuse("Account " + memberId + " is " + m.status().code());
        }
        // the one who places it must be able to see the record: a hidden record answers 404, as a read does
        Record r = catalogue.requireVisible(recordId, Viewer.current());
        List<String> lendable = lendable(r);
        if (lendable.isEmpty()) {
            throw NOT_LOANABLE.refuse("Record " + recordId + " has no copy to lend");
        }
        if (claims.getAll(lendable).stream().anyMatch(c -> c.isLoan() && c.memberId().equals(memberId))) {
            throw ALREADY_HELD.refuse("The member already has this record on loan");
        }
        String holdId = recordId + "-" + Ids.newId().substring(0, 8);
        holds.update(recordId, q -> {
            if (q.stream().anyMatch(e -> e.memberId.equals(memberId))) {
                throw ALREADY_HELD.refuse("The member already holds this record");
            }
            HoldStore.Entry e = new HoldStore.Entry();
            e.holdId = holdId;
            e.memberId = memberId;
            e.placed = clock.instant();
            e.requestId = requestId;
            q.add(e);
            return null;
        });
        trap(r);
        return find(holdId).orElseThrow();
    }

    Optional<Hold> find(String holdId) {
        return holds.holds(HoldStore.recordOf(holdId)).stream().filter(h -> h.id().equals(holdId)).findFirst();
    }

    void cancel(String holdId) {
        String recordId = HoldStore.recordOf(holdId);
        HoldStore.Entry removed = holds.update(recordId, q -> {
            for (var it = q.iterator(); it.hasNext();) {
                HoldStore.Entry e = it.next();
                if (e.holdId.equals(holdId)) {
                    it.remove();
                    return e;
                }
            }
            return null;
        });
        if (removed == null) {
            throw ApiException.notFound("Hold", holdId);
        }
        if (removed.barcode != null) {
            claims.get(removed.barcode).filter(c -> holdId.equals(c.holdId()))
                    .ifPresent(c -> passOn(c, ClaimStore.held(c.barcode(), holdId)));
        }
    }

    /** What {@link #passOn} did: whether this call moved the claim (else a racer did), and the hold now ready. */
    record Passed(boolean acted, Hold ready) {
    }

    /**
     * Hands the copy of claim {@code current} to the first waiting hold of its record, or frees it.
     * {@code condition} guards the claim, so of two racing hand-overs only one acts.
     */
    Passed passOn(Claim current, Criteria condition) {
        Claim c = current;
        Criteria guard = condition;
        while (true) {
            HoldStore.Entry next = holds.queue(c.recordId()).stream().filter(e -> e.state == Hold.State.WAITING)
                    .findFirst().orElse(null);
            if (next == null) {
                return new Passed(free(c) || c != current, null);
            }
            Claim held = heldFor(c.barcode(), c.recordId(), next);
            if (!claims.replaceIf(guard, held)) {
                return new Passed(c != current, null);
            }
            Hold ready = markReady(c.recordId(), next.holdId, c.barcode(), held.pickupBy());
            if (ready != null) {
                notices.holdReadyLater(ready);
                return new Passed(true, ready);
            }
            c = held;
            guard = ClaimStore.held(c.barcode(), next.holdId);
        }
    }

    private boolean free(Claim c) {
        return c.isLoan() ? claims.deleteLoan(c.barcode(), c.loanId()) : claims.deleteHeld(c.barcode(), c.holdId());
    }

    /** Copies on the shelf while members wait go to the first of them. Returns how many were trapped. */
    int trap(Record r) {
        int trapped = 0;
        for (String barcode : lendable(r)) {
            HoldStore.Entry next = holds.queue(r.id()).stream().filter(e -> e.state == Hold.State.WAITING)
                    .findFirst().orElse(null);
            if (next == null) {
                break;
            }
            Claim held = heldFor(barcode, r.id(), next);
            if (!claims.insert(held)) {
                continue;
            }
            Hold ready = markReady(r.id(), next.holdId, barcode, held.pickupBy());
            if (ready == null) {
                passOn(held, ClaimStore.held(barcode, next.holdId));
            } else {
                notices.holdReadyLater(ready);
            }
            trapped++;
        }
        return trapped;
    }

    /** Expired pickups pass to the next in line. A sweep over the claims; returns how many expired. */
    int expirePickups() {
        Instant now = clock.instant();
        int n = 0;
        for (Claim c : claims.all()) {
            if (c.isHeld() && c.pickupBy() != null && c.pickupBy().isBefore(now)) {
                holds.update(c.recordId(), q -> q.removeIf(e -> e.holdId.equals(c.holdId())));
                passOn(c, ClaimStore.held(c.barcode(), c.holdId()));
                n++;
            }
        }
        return n;
    }

    /** Sets the entry ready unless it was cancelled meanwhile (then null). */
    Hold markReady(String recordId, String holdId, String barcode, Instant pickupBy) {
        return holds.update(recordId, q -> {
            for (int i = 0; i < q.size(); i++) {
                HoldStore.Entry e = q.get(i);
                if (e.holdId.equals(holdId)) {
                    e.state = Hold.State.READY;
                    e.barcode = barcode;
                    e.pickupBy = pickupBy;
                    return e.toHold(recordId, i + 1);
                }
            }
            return null;
        });
    }

    private Claim heldFor(String barcode, String recordId, HoldStore.Entry hold) {
        Instant now = clock.instant();
        return new Claim(barcode, Claim.HELD, null, hold.holdId, hold.memberId, recordId, null, null, null, null, 0,
                0, now.plus(Duration.ofDays(props.pickupDays())), now);
    }

    static List<String> lendable(Record r) {
        return r.copies().stream().filter(c -> LiveCopyStatus.LENDABLE.contains(c.status())).map(Copy::barcode)
                .toList();
    }
}
