package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.circulation.CirculationApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The login form and the member space through a session, as a browser uses them: CSRF tokens
 * from the pages, redirects with flash messages, and each page's access rules.
 */
class MemberPagesTest extends IntegrationTestBase {

    private static final String LONG = "a long enough password for pages";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    CirculationApi circulation;

    private String newMember() {
        String email = "pages-" + UUID.randomUUID().toString().substring(0, 8) + "@lakou.test";
        memberApi.create(new NewMember(email, "Lectrice des pages", "Association du quartier",
                MemberCategory.ASSOCIATION, Role.MEMBER, LONG));
        return email;
    }

    private Pages loggedIn(String email) {
        Pages b = new Pages(baseUrl());
        assertThat(b.login(email, LONG).status()).isEqualTo(302);
        return b;
    }

    private Record withCopy() {
        Record r = catalogue.create(new RecordFields("Guide des pages " + UUID.randomUUID(), null, List.of(), null,
                "2022", "guide méthodologique", "fr", null, List.of(), List.of(), null, AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        catalogue.addCopy(r.id(), new Copy("MP" + UUID.randomUUID().toString().substring(0, 8), "300 GUI", null, null));
        return catalogue.get(r.id());
    }

    @Test
    void aFailedLoginDoesNotSayWhichPartWasWrongAndALockoutSaysSo() {
        String email = newMember();
        Pages b = new Pages(baseUrl());
        Pages.Page form = b.get("/login");
        Pages.Page unknown = b.post("/login", Map.of("username", "nobody-" + email, "password", LONG), form);
        Pages.Page wrong = b.post("/login", Map.of("username", email, "password", "not the password"), b.get("/login"));
        assertThat(unknown.location()).isEqualTo(wrong.location()).endsWith("/login?error");
        Pages.Page last = null;
        for (int i = 0; i < 6; i++) {
            last = b.post("/login", Map.of("username", email, "password", "still not it " + i), b.get("/login"));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("<html lang=\"fr\"").contains("id=\"login-locked\"")
                .contains("bloqué pendant 15 minutes").doesNotContain("id=\"login-error\"");
        clock.advance(java.time.Duration.ofMinutes(16));
    }

    @Test
    void forgottenPasswordMailsACodeAndTheCodePageSetsTheNewPassword() throws Exception {
        String email = newMember();
        Pages b = new Pages(baseUrl());
        Pages.Page sent = b.post("/mot-de-passe", Map.of("email", email), b.get("/mot-de-passe"));
        assertThat(sent.location()).endsWith("/mot-de-passe/code");
        assertThat(b.get("/mot-de-passe/code").body()).contains("un code vient de lui être envoyé");
        String code = null;
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            Matcher matcher = Pattern.compile("rs_[A-Za-z0-9_-]{20,}").matcher(GreenMailUtil.getBody(m));
            if (matcher.find()) {
                code = matcher.group();
            }
        }
        assertThat(code).isNotNull();
        Pages.Page mismatch = b.post("/mot-de-passe/code", Map.of("code", code, "password", "new password for me",
                "confirmation", "other password for me"), b.get("/mot-de-passe/code"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("ne sont pas identiques");
        Pages.Page done = b.post("/mot-de-passe/code", Map.of("code", code, "password", "new password for me",
                "confirmation", "new password for me"), b.get("/mot-de-passe/code"));
        assertThat(done.location()).endsWith("/login");
        assertThat(new Pages(baseUrl()).login(email, "new password for me").location()).doesNotContain("error");
        Pages.Page reused = b.post("/mot-de-passe/code", Map.of("code", code, "password", "another password here",
                "confirmation", "another password here"), b.get("/mot-de-passe/code"));
        assertThat(reused.body()).contains("déjà utilisé ou expiré");
    }

    @Test
    void holdsArePlacedFromTheRecordListedWithTheirPlaceAndCancelled() {
        String email = newMember();
        Record r = withCopy();
        String other = newMember();
        circulation.checkout(r.copies().get(0).barcode(), memberApi.findByEmail(other).orElseThrow().id());
        Pages b = loggedIn(email);
        Pages.Page page = b.get("/records/" + r.id());
        assertThat(page.body()).contains("id=\"hold-button\"").contains("en prêt");
        Pages.Page placed = b.post("/compte/reservations", Map.of("notice", r.id()), page);
        assertThat(placed.location()).endsWith("/compte/reservations");
        Pages.Page list = b.get("/compte/reservations");
        assertThat(list.body()).contains(r.title()).contains("1er dans la file d’attente")
                .contains("Votre réservation est enregistrée");
        Pages.Page again = b.post("/compte/reservations", Map.of("notice", r.id()), list);
        assertThat(again.location()).endsWith("/records/" + r.id());
        assertThat(b.get("/records/" + r.id()).body()).contains("vous réservez ou empruntez déjà ce document");
        String holdId = circulation.holdsOf(memberApi.findByEmail(email).orElseThrow().id()).get(0).id();
        Pages.Page othersHold = new Pages(baseUrl()).basic(other, LONG).post("/compte/reservations/" + holdId
                + "/annuler", Map.of(), null);
        assertThat(othersHold.status()).isEqualTo(404);
        b.post("/compte/reservations/" + holdId + "/annuler", Map.of(), b.get("/compte/reservations"));
        assertThat(b.get("/compte/reservations").body()).contains("Aucune réservation en cours")
                .contains("La réservation est annulée");
    }

    @Test
    void loansShowDueDatesRenewAndTheRefusalInWords() {
        String email = newMember();
        Record r = withCopy();
        String barcode = r.copies().get(0).barcode();
        circulation.checkout(barcode, memberApi.findByEmail(email).orElseThrow().id());
        Pages b = loggedIn(email);
        Pages.Page loans = b.get("/compte/prets");
        assertThat(loans.body()).contains(r.title()).contains("À rendre le").contains("Prolonger");
        String refusal = null;
        for (int i = 0; i < 4 && refusal == null; i++) {
            b.post("/compte/prets/" + barcode + "/prolonger", Map.of(), b.get("/compte/prets"));
            String body = b.get("/compte/prets").body();
            refusal = body.contains("Prolongation refusée") ? body : null;
        }
        assertThat(refusal).contains("le nombre maximal de prolongations est atteint");
        circulation.checkin(barcode, false);
        assertThat(b.get("/compte/prets").body()).contains("Aucun prêt en cours").contains(r.title());
    }

    @Test
    void aRequestAboutARecordIsCreatedFollowedAndItsAnswerFilesListed() {
        String email = newMember();
        Record r = withCopy();
        Pages b = loggedIn(email);
        Pages.Page form = b.get("/compte/demandes/nouvelle?notice=" + r.id());
        assertThat(form.body()).contains("À propos de « " + r.title() + " »").contains("name=\"attendu\"");
        Pages.Page empty = b.post("/compte/demandes", Map.of("notice", r.id(), "subject", "x", "description", ""), form);
        assertThat(empty.body()).contains("Indiquez l’objet et la question");
        Pages.Page created = b.post("/compte/demandes", Map.of("notice", r.id(), "subject", "Sur ce guide",
                "description", "Existe-t-il une mise à jour ?", "attendu", "DOCUMENTS"), form);
        assertThat(created.location()).contains("/compte/demandes/");
        String id = created.location().substring(created.location().lastIndexOf('/') + 1);
        var request = anonymous().as(email, LONG).get("/api/requests/" + id).json();
        assertThat(request.get("description").asText()).contains("/records/" + r.id());
        assertThat(request.get("expected").toString()).isEqualTo("[\"documents\"]");
        assertThat(b.get("/compte/demandes").body()).contains("Sur ce guide").contains("nouvelle");
        Pages.Page detail = b.get("/compte/demandes/" + id);
        assertThat(detail.body()).contains("Existe-t-il une mise à jour ?").contains("demande envoyée");
        assertThat(new Pages(baseUrl()).basic(newMember(), LONG).get("/compte/demandes/" + id).status()).isEqualTo(403);

        var staff = documentalist();
        staff.post("/api/requests/" + id + "/accept", Map.of("note", "ok"));
        staff.post("/api/requests/" + id + "/start", Map.of());
        String fileId = staff.upload("/api/requests/" + id + "/files", "file", "bibliographie.txt",
                () -> new java.io.ByteArrayInputStream("Trois références".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .json().get("id").asText();
        staff.post("/api/requests/" + id + "/answer", Map.of("text", "Voici une bibliographie.",
                "recordIds", List.of(r.id()), "fileIds", List.of(fileId), "minutes", 20));
        Pages.Page answered = b.get("/compte/demandes/" + id);
        assertThat(answered.body()).contains("répondue").contains("Voici une bibliographie.")
                .contains("/api/requests/" + id + "/files/" + fileId).contains("bibliographie.txt")
                .contains("/records/" + r.id()).contains("Clore la demande");
        b.post("/compte/demandes/" + id + "/cloturer", Map.of(), answered);
        assertThat(b.get("/compte/demandes/" + id).body()).contains("close").doesNotContain("Clore la demande");
    }

    @Test
    void alertsFollowAConceptChangeFrequencyPauseAndDelete() {
        String concept = "https://w3id.org/lakou/thesaurus/thematique/mediation-sociale";
        Pages b = loggedIn(newMember());
        Pages.Page form = b.get("/compte/alertes/nouvelle?concept=" + Pages.enc(concept));
        assertThat(form.body()).contains("Médiation sociale");
        b.post("/compte/alertes", Map.of("concept", concept, "name", "Médiation", "frequency", "DAILY"), form);
        Pages.Page list = b.get("/compte/alertes");
        assertThat(list.body()).contains("Médiation").contains("L’alerte est créée").contains("selected");
        String alertId = list.body().replaceAll("(?s).*?/compte/alertes/([^/]+)/pause.*", "$1");
        b.post("/compte/alertes/" + alertId + "/pause", Map.of(), list);
        assertThat(b.get("/compte/alertes").body()).contains("suspendue");
        b.post("/compte/alertes/" + alertId + "/supprimer", Map.of(), b.get("/compte/alertes"));
        assertThat(b.get("/compte/alertes").body()).contains("Aucune alerte");
    }

    @Test
    void accountShowsTheMemberChangesThePasswordAndManagesTokens() {
        String email = newMember();
        Pages b = loggedIn(email);
        Pages.Page account = b.get("/compte");
        assertThat(account.body()).contains("Lectrice des pages").contains(email).contains("Association");
        Pages.Page wrong = b.post("/compte/mot-de-passe", Map.of("current", "bad", "password", "brand new password!",
                "confirmation", "brand new password!"), account);
        assertThat(wrong.location()).contains("/compte");
        assertThat(b.get("/compte").body()).contains("Le mot de passe actuel est incorrect");
        b.post("/compte/jetons", Map.of("name", "mon script"), b.get("/compte"));
        Pages.Page withToken = b.get("/compte");
        assertThat(withToken.body()).contains("lk_").contains("mon script");
        assertThat(b.get("/compte").body()).doesNotContain("lk_");
        b.post("/compte/mot-de-passe", Map.of("current", LONG, "password", "brand new password!",
                "confirmation", "brand new password!"), b.get("/compte"));
        assertThat(new Pages(baseUrl()).login(email, "brand new password!").location()).doesNotContain("error");
    }

    @Test
    void memberSpaceIsForMembersAndLogoutEndsTheSession() {
        Pages anonymous = new Pages(baseUrl());
        for (String path : List.of("/compte", "/compte/prets", "/compte/reservations", "/compte/demandes",
                "/compte/alertes", "/compte/demandes/nouvelle")) {
            Pages.Page p = anonymous.get(path);
            assertThat(p.status()).as(path).isEqualTo(302);
            assertThat(p.location()).as(path).endsWith("/login");
        }
        Pages b = loggedIn(newMember());
        Pages.Page account = b.get("/compte");
        assertThat(account.status()).isEqualTo(200);
        assertThat(b.post("/logout", Map.of(), account).location()).endsWith("/login?logout");
        assertThat(b.get("/compte").status()).isEqualTo(302);
        Pages.Page staffOnly = new Pages(baseUrl()).basic(MEMBER, PASSWORD).get("/gestion");
        assertThat(staffOnly.status()).isEqualTo(403);
        assertThat(staffOnly.body()).contains("<html lang=\"fr\"").contains("Accès refusé");
        Pages noCsrf = new Pages(baseUrl());
        noCsrf.get("/login");
        assertThat(noCsrf.post("/login", Map.of("username", MEMBER, "password", PASSWORD), null).status())
                .isEqualTo(403);
    }
}
