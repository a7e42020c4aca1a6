package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The circulation desk page (/gestion/circulation) over HTTP as a documentalist's browser uses it
 * without JavaScript: a member card, then a copy, lends it; the copy alone returns it; a refusal
 * names its reason in the page's language; the overdue list's button e-mails the reminders again.
 */
class DeskPagesTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;

    private Pages staff() {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(DOCUMENTALIST, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    private static Pages.Page scan(Pages p, Pages.Page from, String code, Member selected) {
        return p.post("/gestion/circulation", selected == null ? Map.of("code", code)
                : Map.of("code", code, "membre", selected.id()), from);
    }

    @Test
    void membersAreRefusedTheDeskAndAnonymousReadersSentToLogin() {
        Pages member = new Pages(baseUrl());
        member.login(MEMBER, PASSWORD);
        assertThat(member.get("/gestion/circulation").status()).isEqualTo(403);
        assertThat(new Pages(baseUrl()).get("/gestion/circulation").location()).endsWith("/login");
    }

    @Test
    void aCardThenACopyLendsItAndTheCopyAloneReturnsIt() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member m = f.member(MemberCategory.ASSOCIATION);
        Pages p = staff();
        Pages.Page desk = p.get("/gestion/circulation");
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.body()).contains("id=\"scan\"", "autofocus", "Banque de prêt");

        Pages.Page selected = scan(p, desk, m.email(), null);
        assertThat(selected.body()).contains("Adhérent : " + m.name(), "name=\"membre\" value=\"" + m.id() + "\"");

        Pages.Page lent = scan(p, desk, barcode, m);
        assertThat(lent.status()).isEqualTo(200);
        assertThat(lent.body()).contains("Prêté : « " + r.title() + " » (" + barcode + ") à " + m.name(), "À rendre le");
        assertThat(circulation.loanOf(barcode)).get().extracting(Loan::memberId).isEqualTo(m.id());
        assertThat(lent.body()).contains("id=\"member-loans\"");

        Pages.Page renewed = scan(p, desk, barcode, m);
        assertThat(renewed.body()).contains("Prolongé : « " + r.title());
        assertThat(circulation.loanOf(barcode).orElseThrow().renewals()).isEqualTo(1);

        Pages.Page back = scan(p, desk, barcode, null);
        assertThat(back.body()).contains("Rendu : « " + r.title() + " » (" + barcode + ")");
        assertThat(circulation.loanOf(barcode)).isEmpty();
    }

    @Test
    void aRefusalIsShownInWordsInFrenchAndInEnglish() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member first = f.member(MemberCategory.ASSOCIATION);
        Member second = f.member(MemberCategory.ETAT);
        circulation.checkout(barcode, first.id());
        Pages p = staff();
        Pages.Page desk = p.get("/gestion/circulation");

        Pages.Page refused = scan(p, desk, barcode, second);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Prêt refusé pour « " + r.title(), "cet exemplaire est déjà prêté.")
                .contains("desk-refused");
        assertThat(circulation.loanOf(barcode).orElseThrow().memberId()).isEqualTo(first.id());

        Pages.Page english = p.get("/gestion/circulation?lang=en");
        assertThat(english.body()).contains("Circulation desk");
        assertThat(scan(p, english, barcode, second).body())
                .contains("Checkout refused for “" + r.title(), "this copy is already on loan.");
        assertThat(scan(p, english, "NOPE-" + barcode, null).body()).contains("No copy and no member match");
        assertThat(scan(p, english, second.id(), second).body()).contains("Member: " + second.name());
    }

    @Test
    void theOverdueListsButtonSendsTheRemindersAgainOncePerDay() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member m = f.member(MemberCategory.AUTRE);
        circulation.checkout(barcode, m.id());
        clock.advance(Duration.ofDays(40));
        Pages p = staff();
        Pages.Page desk = p.get("/gestion/circulation");
        assertThat(desk.body()).contains("id=\"overdue-loans\"", barcode, m.name());

        Pages.Page sent = p.post("/gestion/circulation/relances", Map.of(), desk);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(p.get(sent.location()).body()).contains("relance(s) envoyée(s)");
        assertThat(subjectsTo(m.email())).singleElement().asString().startsWith("Retard : « " + r.title());

        p.post("/gestion/circulation/relances", Map.of(), desk);
        assertThat(subjectsTo(m.email())).as("a second click the same day sends nothing twice").hasSize(1);
        circulation.checkin(barcode, false);
    }

    private static List<String> subjectsTo(String email) throws Exception {
        MAIL.waitForIncomingEmail(2000, 1);
        List<String> out = new ArrayList<>();
        for (MimeMessage msg : MAIL.getReceivedMessagesForDomain(email)) {
            out.add(msg.getSubject());
        }
        return out;
    }
}
