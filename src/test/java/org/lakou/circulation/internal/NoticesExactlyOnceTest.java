package org.lakou.circulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.circulation.Policy;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.shared.JobLease;
import org.lakou.shared.Notifier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due-soon and overdue notices reach a real SMTP server (GreenMail) once each: the job run twice,
 * and two "nodes" sweeping at the same moment, still send every notice exactly once.
 */
class NoticesExactlyOnceTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;
    @Autowired
    CirculationJobs jobs;
    @Autowired
    JobLease lease;
    @Autowired
    ClaimStore claims;
    @Autowired
    HoldStore holds;
    @Autowired
    Notifier notifier;
    @Autowired
    CirculationProperties props;

    private List<String> subjectsTo(String email) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            out.add(m.getSubject());
        }
        return out;
    }

    /** A second app node: its own notice service over the same Mongo and SMTP server. */
    private NoticeService secondNode() {
        return new NoticeService(claims, holds, notifier, memberApi, catalogue, props, clock);
    }

    private void bothNodesAtOnce(NoticeService a, NoticeService b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> sweeps = List.of(a::sweep, b::sweep);
            for (var fu : pool.invokeAll(sweeps)) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eachNoticeGoesOnce() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        circulation.putPolicy(new Policy("*", "revue", 5, 14, 0, false));
        Record r = f.record("revue", 1);
        Member m = f.member(MemberCategory.BAILLEUR_ENTREPRISE);
        circulation.checkout(f.barcodes(r).get(0), m.id());
        NoticeService nodeA = secondNode();
        NoticeService nodeB = secondNode();

        jobs.runNotices();
        assertThat(subjectsTo(m.email())).as("not due yet").isEmpty();

        clock.advance(Duration.ofDays(12)); // due in 2 days: due-soon
        jobs.runNotices();
        jobs.runNotices();
        bothNodesAtOnce(nodeA, nodeB);
        assertThat(subjectsTo(m.email())).singleElement().asString().startsWith("Rappel");

        clock.advance(Duration.ofDays(3)); // 1 day late: first overdue step
        bothNodesAtOnce(nodeA, nodeB);
        jobs.runNotices();
        assertThat(subjectsTo(m.email())).hasSize(2).last().asString().startsWith("Retard");

        clock.advance(Duration.ofDays(2)); // 3 days late: no new step
        jobs.runNotices();
        assertThat(subjectsTo(m.email())).hasSize(2);

        clock.advance(Duration.ofDays(5)); // 8 days late: the 7-day step, from whichever node gets there
        lease.tryAcquire("circulation-notices", Duration.ofMinutes(5)); // this node holds the lease...
        bothNodesAtOnce(nodeA, nodeB); // ...while two other nodes sweep anyway
        jobs.runNotices();
        lease.release("circulation-notices");
        jobs.runNotices();
        assertThat(subjectsTo(m.email())).hasSize(3);
        assertThat(notifier.wasSent(circulation.loansOf(m.id()).get(0).id() + "#overdue#7")).isTrue();
    }
}
