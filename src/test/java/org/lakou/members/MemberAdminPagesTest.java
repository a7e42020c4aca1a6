package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The members' administration pages ({@code /gestion/admin/membres}) through an administrator's
 * session: every change is read back through {@link MemberApi}, refused forms keep the data as it
 * was, and only administrators get in.
 */
class MemberAdminPagesTest extends IntegrationTestBase {

    private static final String BASE = "/gestion/admin/membres";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    CirculationApi circulation;

    @Autowired
    AuditLog audit;

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Member newMember(String name, MemberCategory category) {
        return memberApi.create(new NewMember("adm-" + unique() + "@lakou.test", name, "Quartier Nord", category,
                Role.MEMBER, PASSWORD));
    }

    @Test
    void onlyAdministratorsReachThePages() {
        String id = newMember("Accès " + unique(), MemberCategory.ETAT).id();
        Pages doc = as(DOCUMENTALIST);
        Pages member = as(MEMBER);
        for (String path : List.of(BASE, BASE + "/nouveau", BASE + "/" + id, BASE + "/" + id + "/modifier")) {
            assertThat(doc.get(path).status()).as(path).isEqualTo(403);
            assertThat(member.get(path).status()).as(path).isEqualTo(403);
        }
        Pages.Page home = doc.get("/gestion");
        assertThat(doc.post(BASE + "/" + id + "/statut", Map.of("status", "suspended"), home).status()).isEqualTo(403);
        assertThat(memberApi.get(id).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(new Pages(baseUrl()).get(BASE).location()).endsWith("/login");
    }

    @Test
    void theListSearchesByNameAndFiltersByCategoryAndRole() {
        String tag = "Tri" + unique();
        newMember(tag + " Alpha", MemberCategory.ETAT);
        newMember(tag + " Beta", MemberCategory.ASSOCIATION);
        Pages admin = as(ADMIN);
        assertThat(admin.get(BASE + "?q=" + tag).body()).contains(tag + " Alpha", tag + " Beta");
        String etat = admin.get(BASE + "?q=" + tag + "&categorie=etat").body();
        assertThat(etat).contains(tag + " Alpha").doesNotContain(tag + " Beta");
        assertThat(admin.get(BASE + "?q=" + tag + "&role=DOCUMENTALIST").body()).contains("Aucun compte ne correspond")
                .doesNotContain(tag + " Alpha");
        assertThat(admin.get(BASE + "?categorie=nope").status()).isEqualTo(400);
    }

    @Test
    void anAdministratorCreatesAnAccountAndTheInvitationMailGoesOut() throws Exception {
        clock.advance(Duration.ofMinutes(16)); // past any earlier reset requests' throttling window
        Pages admin = as(ADMIN);
        String email = "cree-" + unique() + "@lakou.test";
        Pages.Page form = admin.get(BASE + "/nouveau");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new HashMap<>(Map.of("name", "Nouvelle Adhérente", "email", email,
                "organisation", "Mairie", "category", "collectivite", "role", "MEMBER", "invite", "true"));
        Pages.Page created = admin.post(BASE, fields, form);
        assertThat(created.status()).isEqualTo(302);
        Member m = memberApi.findByEmail(email).orElseThrow();
        assertThat(created.location()).endsWith(BASE + "/" + m.id());
        assertThat(m.category()).isEqualTo(MemberCategory.COLLECTIVITE);
        assertThat(m.organisation()).isEqualTo("Mairie");
        assertThat(memberApi.checkPassword(m.id(), "")).isFalse();
        assertThat(resetCodeSentTo(email)).isTrue();
        Pages.Page page = admin.get(created.location());
        assertThat(page.body()).contains("Nouvelle Adhérente", "Collectivité territoriale", "Le compte est créé",
                "Un e-mail de réinitialisation est parti vers " + email);
    }

    @Test
    void aRefusedFormSaysWhichFieldsAreWrongAndCreatesNothing() {
        Pages admin = as(ADMIN);
        Pages.Page form = admin.get(BASE + "/nouveau");
        Pages.Page bad = admin.post(BASE, Map.of("name", " ", "email", "pas-une-adresse", "category", "collectivite",
                "role", "MEMBER", "password", "court"), form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"e-name\"", "id=\"e-email\"", "id=\"e-password\"")
                .contains("Indiquez une adresse e-mail valide", "au moins 12 caractères")
                .contains("value=\"pas-une-adresse\"").doesNotContain("id=\"e-cat\"");
        assertThat(memberApi.findByEmail("pas-une-adresse")).isEmpty();
        Pages.Page taken = admin.post(BASE, Map.of("name", "Doublon", "email", MEMBER, "category", "autre",
                "role", "MEMBER"), form);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("Un compte utilise déjà cette adresse");
        assertThat(memberApi.findByEmail(MEMBER).orElseThrow().name()).isNotEqualTo("Doublon");
    }

    @Test
    void editingChangesTheAccountAndAnInvalidEditChangesNothing() {
        Member m = newMember("Avant " + unique(), MemberCategory.AUTRE);
        Pages admin = as(ADMIN);
        Pages.Page form = admin.get(BASE + "/" + m.id() + "/modifier");
        assertThat(form.body()).contains("value=\"" + m.email() + "\"");
        Pages.Page bad = admin.post(BASE + "/" + m.id() + "/modifier", Map.of("name", "Après", "email", "",
                "organisation", "", "category", "bailleur-entreprise"), form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(memberApi.get(m.id()).name()).isEqualTo(m.name());
        Pages.Page saved = admin.post(BASE + "/" + m.id() + "/modifier", Map.of("name", "Après", "email", m.email(),
                "organisation", "Office HLM", "category", "bailleur-entreprise"), form);
        assertThat(saved.location()).endsWith(BASE + "/" + m.id());
        Member after = memberApi.get(m.id());
        assertThat(after.name()).isEqualTo("Après");
        assertThat(after.organisation()).isEqualTo("Office HLM");
        assertThat(after.category()).isEqualTo(MemberCategory.BAILLEUR_ENTREPRISE);
    }

    @Test
    void suspendReactivateAndChangeRoleButNeverOnesOwnAccount() {
        Member m = newMember("Statut " + unique(), MemberCategory.ETAT);
        Pages admin = as(ADMIN);
        Pages.Page page = admin.get(BASE + "/" + m.id());
        admin.post(BASE + "/" + m.id() + "/statut", Map.of("status", "suspended"), page);
        assertThat(memberApi.get(m.id()).status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(admin.get(BASE + "/" + m.id()).body()).contains("Le statut est changé", "suspendu");
        admin.post(BASE + "/" + m.id() + "/statut", Map.of("status", "active"), page);
        assertThat(memberApi.get(m.id()).status()).isEqualTo(MemberStatus.ACTIVE);
        admin.post(BASE + "/" + m.id() + "/role", Map.of("role", "DOCUMENTALIST"), page);
        assertThat(memberApi.get(m.id()).role()).isEqualTo(Role.DOCUMENTALIST);
        assertThat(audit.recent(memberId(ADMIN), 20)).as("the desk's changes are audited as the API's are")
                .anyMatch(e -> e.action().equals("POST " + BASE + "/{id}/role")
                        && e.target().equals(BASE + "/" + m.id() + "/role") && e.status() == 302);
        assertThat(admin.post(BASE + "/" + m.id() + "/role", Map.of("role", "KING"), page).status()).isEqualTo(400);
        String me = memberId(ADMIN);
        admin.post(BASE + "/" + me + "/role", Map.of("role", "MEMBER"), page);
        assertThat(memberApi.get(me).role()).isEqualTo(Role.ADMIN);
        assertThat(admin.get(BASE + "/" + me).body()).contains("Vous ne pouvez pas changer votre propre statut");
    }

    @Test
    void theMembersPageShowsItsLoansAndRequestsAndSendsAResetMail() throws Exception {
        Member m = newMember("Emprunteuse " + unique(), MemberCategory.ASSOCIATION);
        Record r = catalogue.create(new RecordFields("Guide de la desk " + unique(), null, List.of(), null, "2023",
                "guide méthodologique", "fr", null, List.of(), List.of(), null, AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        String barcode = "ADM" + unique();
        catalogue.addCopy(r.id(), new Copy(barcode, "300 GUI", null, null));
        circulation.checkout(barcode, m.id());
        String subject = "Bibliographie " + unique();
        assertThat(anonymous().as(m.email(), PASSWORD).post("/api/requests",
                Map.of("subject", subject, "description", "Sur la médiation", "expected", List.of("documents"))).status()).isEqualTo(201);
        Pages admin = as(ADMIN);
        Pages.Page page = admin.get(BASE + "/" + m.id());
        assertThat(page.body()).contains(r.title(), barcode, subject, "Association", "nouvelle");
        assertThat(admin.get(BASE + "/" + m.id() + "?lang=en").body()).contains("Current loans", "Documentation requests");
        clock.advance(Duration.ofMinutes(16));
        Pages.Page sent = admin.post(BASE + "/" + m.id() + "/reinitialiser", Map.of(), page);
        assertThat(sent.location()).endsWith(BASE + "/" + m.id());
        assertThat(resetCodeSentTo(m.email())).isTrue();
        circulation.checkin(barcode, false);
    }

    private static boolean resetCodeSentTo(String email) throws Exception {
        for (MimeMessage msg : MAIL.getReceivedMessagesForDomain(email)) {
            if (GreenMailUtil.getBody(msg).matches("(?s).*rs_[A-Za-z0-9_-]{20,}.*")) {
                return true;
            }
        }
        return false;
    }
}
