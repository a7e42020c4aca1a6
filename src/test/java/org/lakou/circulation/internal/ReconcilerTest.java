package org.lakou.circulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.circulation.Loan;
import org.lakou.circulation.LoanHistoryEntry;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.springframework.beans.factory.annotation.Autowired;

/** Crashes between the single-document steps, simulated by writing only the first steps, then repaired. */
class ReconcilerTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;
    @Autowired
    ClaimStore claims;
    @Autowired
    SlotStore slots;
    @Autowired
    HistoryStore history;
    @Autowired
    CirculationJobs jobs;

    private Claim claim(String barcode, Record r, Member m, Instant now) {
        return new Claim(barcode, Claim.LOAN, "crash-" + System.nanoTime(), null, m.id(), r.id(), m.category().code(),
                r.type(), now, now.plus(Duration.ofDays(21)), 0, 1, null, now);
    }

    /** The copy's status as the record API shows it: the stored shelf status overlaid with the claims. */
    private CopyStatus shown(Record r, String barcode) {
        var copies = documentalist().get("/api/records/" + r.id()).json().get("copies");
        return copies.valueStream().filter(c -> c.get("barcode").asString().equals(barcode)).findFirst()
                .map(c -> CopyStatus.of(c.get("status").asString())).orElseThrow();
    }

    @Test
    void aCheckoutInterruptedAfterItsClaimIsUndone() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member m = f.member(MemberCategory.ETAT);
        Claim orphan = claim(barcode, r, m, clock.instant());
        assertThat(claims.insert(orphan)).isTrue(); // step 1 done, then the node died

        Member other = f.member(MemberCategory.ETAT);
        assertThat(catchReason(() -> circulation.checkout(barcode, other.id()))).isEqualTo("copy-on-loan");
        assertThat(jobs.reconcile().checkoutsUndone()).as("too young: may still be in flight").isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.reconcile().checkoutsUndone()).isEqualTo(1);
        assertThat(claims.get(barcode)).isEmpty();
        Loan loan = circulation.checkout(barcode, other.id());
        assertThat(loan.memberId()).isEqualTo(other.id());
    }

    @Test
    void aCheckoutWithBothStepsDoneIsKeptAndShownOnLoanWithoutTouchingTheRecord() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member m = f.member(MemberCategory.COLLECTIVITE);
        Instant now = clock.instant();
        Claim c = claim(barcode, r, m, now);
        claims.insert(c);
        slots.take(m.id(), 1, barcode, c.loanId(), c.due(), now); // both steps: a whole checkout
        assertThat(shown(r, barcode)).isEqualTo(CopyStatus.ON_LOAN);

        clock.advance(Duration.ofMinutes(2));
        var report = jobs.reconcile();
        assertThat(report.checkoutsUndone()).isZero();
        assertThat(shown(r, barcode)).isEqualTo(CopyStatus.ON_LOAN);
        // the loan lives in the claim: the record itself was not rewritten (same version, stored status)
        Record stored = catalogue.get(r.id());
        assertThat(stored.version()).isEqualTo(r.version());
        assertThat(stored.copies().get(0).status()).isEqualTo(CopyStatus.AVAILABLE);
        assertThat(circulation.loansOf(m.id())).extracting(Loan::barcode).containsExactly(barcode);
    }

    @Test
    void aSlotWithoutItsClaimIsFreedAndAnInterruptedReturnIsFinished() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 2);
        Member m = f.member(MemberCategory.AUTRE);
        Instant now = clock.instant();
        slots.take(m.id(), 3, "no-such-copy", "lost-loan", now.plusSeconds(3600), now);

        String barcode = f.barcodes(r).get(1);
        Loan loan = circulation.checkout(barcode, m.id());
        Claim c = claims.get(barcode).orElseThrow();
        history.append(new LoanHistoryEntry(loan.id(), barcode, r.id(), m.id(), loan.checkedOut(), loan.due(),
                clock.instant(), 0, LoanHistoryEntry.Outcome.RETURNED)); // the return died after its first step

        clock.advance(Duration.ofMinutes(2));
        var report = jobs.reconcile();
        assertThat(report.slotsFreed()).isGreaterThanOrEqualTo(1);
        assertThat(report.returnsFinished()).isEqualTo(1);
        assertThat(claims.get(barcode)).isEmpty();
        assertThat(slots.taken(m.id(), 5)).isEmpty();
        assertThat(c.slot()).isEqualTo(1);
        assertThat(circulation.historyOfMember(m.id())).extracting(LoanHistoryEntry::loanId).containsExactly(loan.id());
        assertThat(shown(r, barcode)).isEqualTo(CopyStatus.AVAILABLE);
    }

    static String catchReason(Runnable r) {
        try {
            r.run();
            return null;
        } catch (org.lakou.shared.ApiException e) {
            return String.valueOf(e.properties().get("reason"));
        }
    }
}
