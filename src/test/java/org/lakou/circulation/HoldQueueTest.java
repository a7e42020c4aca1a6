package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.shared.ApiException;
import org.springframework.beans.factory.annotation.Autowired;

/** Holds pass first come, first served: on return, and when a pickup expires. */
class HoldQueueTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;

    private static String reason(Runnable r) {
        try {
            r.run();
            return null;
        } catch (ApiException e) {
            return String.valueOf(e.properties().get("reason"));
        }
    }

    private List<MimeMessage> mailsTo(String email) {
        return List.of(MAIL.getReceivedMessagesForDomain(email));
    }

    @Test
    void holdsPassInOrder() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("ouvrage", 1);
        String barcode = f.barcodes(r).get(0);
        List<Member> m = f.members(4);
        circulation.checkout(barcode, m.get(0).id());

        Hold b = circulation.placeHold(r.id(), m.get(1).id(), null);
        Hold c = circulation.placeHold(r.id(), m.get(2).id(), null);
        Hold d = circulation.placeHold(r.id(), m.get(3).id(), null);
        assertThat(List.of(b.position(), c.position(), d.position())).containsExactly(1, 2, 3);
        assertThat(reason(() -> circulation.placeHold(r.id(), m.get(1).id(), null))).isEqualTo("already-held");
        assertThat(reason(() -> circulation.renew(barcode))).isEqualTo("on-hold-for-another");

        var result = circulation.checkin(barcode, false);
        assertThat(result.nowReadyFor().id()).isEqualTo(b.id());
        assertThat(result.nowReadyFor().state()).isEqualTo(Hold.State.READY);
        assertThat(reason(() -> circulation.checkout(barcode, m.get(2).id()))).isEqualTo("on-hold-for-another");
        MAIL.waitForIncomingEmail(10_000, 1);
        assertThat(mailsTo(m.get(1).email())).singleElement()
                .satisfies(msg -> assertThat(msg.getSubject()).contains("disponible"));

        Loan loanB = circulation.checkout(barcode, m.get(1).id());
        assertThat(loanB.memberId()).isEqualTo(m.get(1).id());
        assertThat(circulation.holdQueue(r.id())).extracting(Hold::id).containsExactly(c.id(), d.id());

        assertThat(circulation.checkin(barcode, false).nowReadyFor().id()).isEqualTo(c.id());
        // C never comes: after the pickup days, the copy passes to D
        clock.advance(Duration.ofDays(8));
        assertThat(circulation.findHold(c.id())).get().extracting(Hold::state).isEqualTo(Hold.State.READY);
        jobsExpire();
        assertThat(circulation.findHold(c.id())).isEmpty();
        Hold nowD = circulation.findHold(d.id()).orElseThrow();
        assertThat(nowD.state()).isEqualTo(Hold.State.READY);
        assertThat(nowD.barcode()).isEqualTo(barcode);
        assertThat(nowD.position()).isEqualTo(1);

        // D cancels: nobody waits, so the copy is free again
        circulation.cancelHold(d.id());
        assertThat(circulation.holdQueue(r.id())).isEmpty();
        assertThat(circulation.checkout(barcode, m.get(2).id()).memberId()).isEqualTo(m.get(2).id());
    }

    @Test
    void aHoldOnACopyOnTheShelfIsReadyAtOnce() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("ouvrage", 2);
        Member a = f.member(MemberCategory.ASSOCIATION);
        Member b = f.member(MemberCategory.ETAT);
        circulation.checkout(f.barcodes(r).get(0), a.id());
        Hold h = circulation.placeHold(r.id(), b.id(), null);
        assertThat(h.state()).isEqualTo(Hold.State.READY);
        assertThat(h.barcode()).isEqualTo(f.barcodes(r).get(1));
        assertThat(reason(() -> circulation.checkout(f.barcodes(r).get(1), a.id()))).isEqualTo("on-hold-for-another");
        assertThat(circulation.checkout(f.barcodes(r).get(1), b.id()).memberId()).isEqualTo(b.id());
        assertThat(circulation.holdsOf(b.id())).isEmpty();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** What the notice job does first: expire pickups (the job class is internal, so reach it by name). */
    private void jobsExpire() throws Exception {
        Object jobs = context.getBean("circulationJobs");
        var m = jobs.getClass().getDeclaredMethod("runNotices");
        m.setAccessible(true);
        m.invoke(jobs);
    }
}
