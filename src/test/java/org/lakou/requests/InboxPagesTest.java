package org.lakou.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Fixtures;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The requests inbox (/gestion/demandes): a member's request shows in the inbox and in the
 * navigation's badge, is worked through the workflow from its page (with minutes in the log) and
 * answered with a record; the member then reads the answer in their space. A refused action
 * answers 4xx with the reason on the page.
 */
class InboxPagesTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private Pages staff() {
        Pages p = new Pages(baseUrl());
        p.login(DOCUMENTALIST, PASSWORD);
        return p;
    }

    private String submit(String subject) {
        TestHttp.Response r = member().post("/api/requests", Map.of("subject", subject,
                "description", "Des études sur les jardins partagés ?", "expected", List.of("references")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static int badge(Pages.Page page) {
        var m = java.util.regex.Pattern.compile("id=\"requests-badge\"[^>]*>(\\d+)<").matcher(page.body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A browser follows each redirect, which also takes the flash message meant for that page. */
    private static String follow(Pages p, Pages.Page redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        return p.get(redirect.location()).body();
    }

    @Test
    void aRequestIsAnsweredFromTheInboxAndTheMemberReadsTheAnswer() {
        String subject = "Jardins partagés " + System.nanoTime();
        Pages p = staff();
        int before = badge(p.get("/gestion"));
        String id = submit(subject);
        Record cited = new Fixtures(catalogue, memberApi).record("étude", 0);

        Pages.Page inbox = p.get("/gestion/demandes?statut=new");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains(subject, "Adhérent de test");
        assertThat(badge(inbox)).isEqualTo(before + 1);
        assertThat(p.get("/gestion/demandes?statut=closed").body()).doesNotContain(subject);

        Pages.Page page = p.get("/gestion/demandes/" + id);
        assertThat(page.body()).contains("id=\"accept\"", "id=\"refuse\"");
        assertThat(follow(p, p.post("/gestion/demandes/" + id + "/accepter", Map.of("note", "Nous cherchons."), page)))
                .contains("La demande est acceptée");
        assertThat(badge(p.get("/gestion"))).isEqualTo(before);
        follow(p, p.post("/gestion/demandes/" + id + "/assigner", Map.of("assigne", memberId(DOCUMENTALIST)), page));
        assertThat(p.get("/gestion/demandes?assigne=" + memberId(DOCUMENTALIST)).body()).contains(subject);
        follow(p, p.post("/gestion/demandes/" + id + "/commencer", Map.of(), page));
        follow(p, p.post("/gestion/demandes/" + id + "/journal", Map.of("note", "Recherche au catalogue", "minutes", "25"),
                page));
        Pages.Page answered = p.post("/gestion/demandes/" + id + "/repondre", Map.of("texte",
                "Voici une étude sur le sujet.", "notices", baseUrl() + "/records/" + cited.id(), "minutes", "15"), page);
        assertThat(answered.status()).isEqualTo(302);

        Pages.Page done = p.get(answered.location());
        assertThat(done.body()).contains("La réponse est envoyée", "Recherche au catalogue", "25 min", "40 min passées",
                cited.title());
        Pages member = new Pages(baseUrl());
        member.login(MEMBER, PASSWORD);
        Pages.Page mine = member.get("/compte/demandes/" + id);
        assertThat(mine.body()).contains("Voici une étude sur le sujet.", cited.title(), "répondue");
    }

    @Test
    void aRefusalWithoutReasonOrAnImpossibleStepIsA4xxWithTheReason() {
        String id = submit("Sans motif " + System.nanoTime());
        Pages p = staff();
        Pages.Page page = p.get("/gestion/demandes/" + id);
        Pages.Page noReason = p.post("/gestion/demandes/" + id + "/refuser", Map.of("motif", " "), page);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"action-error\"", "Give a reason for the refusal");
        Pages.Page early = p.post("/gestion/demandes/" + id + "/clore", Map.of(), page);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("cannot become closed");
        assertThat(p.get("/gestion/demandes/" + id).body()).contains(">nouvelle<");
        follow(p, p.post("/gestion/demandes/" + id + "/accepter", Map.of(), page));
        Pages.Page unknownRecord = p.post("/gestion/demandes/" + id + "/repondre",
                Map.of("texte", "Une réponse tapée avec soin", "notices", "no-such-record"), page);
        assertThat(unknownRecord.status()).isEqualTo(404);
        assertThat(unknownRecord.body()).contains("no-such-record", "Une réponse tapée avec soin");
        assertThat(p.get("/gestion/demandes/" + id).body()).contains(">acceptée<");
    }

    @Test
    void membersAreRefusedTheInbox() {
        Pages member = new Pages(baseUrl());
        member.login(MEMBER, PASSWORD);
        assertThat(member.get("/gestion/demandes").status()).isEqualTo(403);
        assertThat(member.get("/gestion/demandes/x").status()).isEqualTo(403);
    }
}
