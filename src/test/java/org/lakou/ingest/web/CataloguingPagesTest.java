package org.lakou.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordStatus;
import org.lakou.search.SubjectSuggester;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cataloguing desk's pages, live: access, upload outcomes, drafts filters and sort, subject
 * decisions, the conflict protection, confirmations, audit history, quarantine retry and discard.
 */
class CataloguingPagesTest extends IntegrationTestBase {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    static final String TEXT = """
            La médiation scolaire au collège
            Des médiateurs interviennent dans quatre collèges. Le décrochage scolaire a reculé \
            d'un tiers ; le climat scolaire s'est apaisé. Run %s.""";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SubjectSuggester suggester;

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    @BeforeEach
    void concepts() {
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void anonymousReadersGoToTheLoginFormAndMembersAreRefused() {
        Record r = draft("Accès " + System.nanoTime());
        List<String> pages = List.of("/gestion/depot", "/gestion/brouillons", "/gestion/brouillons/" + r.id(),
                "/gestion/notices/" + r.id(), "/gestion/quarantaine", "/gestion/notices/" + r.id() + "/supprimer");
        Pages anonymous = new Pages(baseUrl());
        Pages member = as(MEMBER);
        for (String page : pages) {
            Pages.Page a = anonymous.get(page);
            assertThat(a.status()).as(page).isEqualTo(302);
            assertThat(a.location()).as(page).endsWith("/login");
            assertThat(member.get(page).status()).as(page).isEqualTo(403);
        }
        Pages doc = as(DOCUMENTALIST);
        assertThat(doc.get("/gestion/depot?lang=en").body()).contains("Upload documents", "lang=\"en\"");
        assertThat(doc.get("/gestion/notices/" + r.id()).body()).contains("Suggested subjects", "Save", "Publish");
        assertThat(doc.get("/gestion/depot?lang=fr").body()).contains("Déposer des documents");
        Pages.Page memberForm = member.get("/compte");
        assertThat(member.post("/gestion/notices/" + r.id() + "/supprimer", Map.of(), memberForm).status())
                .isEqualTo(403);
        assertThat(catalogue.get(r.id()).deleted()).isFalse();
    }

    @Test
    void uploadedFilesShowTheirOutcomeDraftDuplicateOrQuarantine() {
        Pages doc = as(DOCUMENTALIST);
        String run = Long.toString(System.nanoTime());
        byte[] text = TEXT.formatted(run).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mediation-" + run + ".txt", text);
        files.put("broken-" + run + ".pdf", ("not a pdf at all " + run).getBytes(StandardCharsets.UTF_8));
        Pages.Page form = doc.get("/gestion/depot");
        assertThat(form.body()).contains("type=\"file\"", "multiple", "enctype=\"multipart/form-data\"");

        Pages.Page sent = doc.postFiles("/gestion/depot", "fichiers", files, form);
        assertThat(sent.status()).isEqualTo(302);
        List<String> ids = ids(sent.location());
        assertThat(ids).hasSize(2);
        Pages.Page following = doc.get(sent.location());
        assertThat(following.body()).contains("mediation-" + run + ".txt", "broken-" + run + ".pdf");

        String draftRow = finished(doc, ids.get(0));
        assertThat(draftRow).contains("href=\"/gestion/brouillons/").doesNotContain("hx-trigger");
        String recordId = between(draftRow, "href=\"/gestion/brouillons/", "\"");
        assertThat(catalogue.get(recordId).status()).isEqualTo(RecordStatus.DRAFT);
        String quarantined = finished(doc, ids.get(1));
        assertThat(quarantined).contains("En quarantaine", "href=\"/gestion/quarantaine\"");

        // the same bytes again: a duplicate, linked to the existing record
        Pages.Page again = doc.postFiles("/gestion/depot", "fichiers", Map.of("copie.txt", text), doc.get("/gestion/depot"));
        String duplicate = finished(doc, ids(again.location()).get(0));
        assertThat(duplicate).contains("Déjà au catalogue", "href=\"/gestion/notices/" + recordId + "\"");

        // who uploaded it shows on the drafts list, and filters it
        String me = memberId(DOCUMENTALIST);
        assertThat(doc.get("/gestion/brouillons?deposant=" + me).body()).contains("/gestion/brouillons/" + recordId);
        assertThat(doc.get("/gestion/brouillons?deposant=" + memberId(ADMIN)).body())
                .doesNotContain("/gestion/brouillons/" + recordId);
    }

    @Test
    void theDraftsListSortsByTitleAndFiltersByType() {
        // "00": first by title among the suite's other drafts, since the list shows 50 rows a page
        String run = Long.toString(System.nanoTime());
        Record alpha = catalogue.create(fields("00 Abeille " + run, "étude"));
        clock.advance(Duration.ofSeconds(1)); // a clock that stands still would give both the same date
        Record zeta = catalogue.create(fields("00 Zèbre " + run, "rapport"));
        Pages doc = as(DOCUMENTALIST);

        String byTitle = doc.get("/gestion/brouillons?tri=titre").body();
        assertThat(byTitle.indexOf("00 Abeille " + run)).isPositive().isLessThan(byTitle.indexOf("00 Zèbre " + run));
        String byDate = doc.get("/gestion/brouillons").body();
        assertThat(byDate.indexOf("00 Zèbre " + run)).isPositive().isLessThan(byDate.indexOf("00 Abeille " + run));
        String studies = doc.get("/gestion/brouillons?type=" + Pages.enc("étude")).body();
        assertThat(studies).contains(alpha.id()).doesNotContain(zeta.id());
    }

    @Test
    void acceptingASuggestionUpdatesTheRowTheSubjectsAndTheFormVersion() {
        Record r = withText("La médiation scolaire " + System.nanoTime(), TEXT.formatted("x"));
        Pages doc = as(DOCUMENTALIST);
        Pages.Page review = doc.get("/gestion/brouillons/" + r.id());
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains("médiation scolaire", "Accepter", "Rejeter", "décrochage scolaire",
                "name=\"version\" value=\"" + r.version() + "\"", "Début du texte");

        Pages.Page row = doc.htmxPost("/gestion/notices/" + r.id() + "/sujets",
                Map.of("conceptUri", LKT + "mediation-scolaire", "decision", "accepted"), review);
        assertThat(row.status()).isEqualTo(200);
        Record after = catalogue.get(r.id());
        assertThat(after.subjects()).contains(LKT + "mediation-scolaire");
        assertThat(row.body()).contains("Accepté", "hx-swap-oob", "value=\"" + LKT + "mediation-scolaire\"",
                "name=\"version\" value=\"" + after.version() + "\"").doesNotContain("<html");

        doc.htmxPost("/gestion/notices/" + r.id() + "/sujets",
                Map.of("conceptUri", LKT + "decrochage-scolaire", "decision", "rejected"), review);
        assertThat(catalogue.get(r.id()).subjects()).doesNotContain(LKT + "decrochage-scolaire");
        assertThat(doc.get("/gestion/brouillons/" + r.id()).body()).contains("Rejeté");

        // "Publier" saves the form as shown (with the accepted subject) and publishes
        Record current = catalogue.get(r.id());
        Pages.Page published = doc.post("/gestion/notices/" + r.id() + "/publier", form(current, current.title()), review);
        assertThat(published.status()).isEqualTo(302);
        Record done = catalogue.get(r.id());
        assertThat(done.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(done.subjects()).contains(LKT + "mediation-scolaire");
    }

    @Test
    void twoStaffEditingTheSameRecordTheSecondGetsTheConflictAndNothingIsLost() {
        Record r = draft("Avant " + System.nanoTime());
        Pages first = as(DOCUMENTALIST);
        Pages second = as(ADMIN);
        Pages.Page firstForm = first.get("/gestion/notices/" + r.id());
        Pages.Page secondForm = second.get("/gestion/notices/" + r.id());

        Pages.Page saved = first.post("/gestion/notices/" + r.id(), form(r, "Titre de la première"), firstForm);
        assertThat(saved.status()).isEqualTo(302);
        Pages.Page refused = second.post("/gestion/notices/" + r.id(), form(r, "Titre de la seconde"), secondForm);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("modifiée entre-temps", "Titre de la première",
                "value=\"Titre de la seconde\"");
        assertThat(catalogue.get(r.id()).title()).isEqualTo("Titre de la première");
        // the form now carries the saved version: saving again is a deliberate, informed overwrite
        Record current = catalogue.get(r.id());
        assertThat(refused.body()).contains("name=\"version\" value=\"" + current.version() + "\"");
        assertThat(second.post("/gestion/notices/" + r.id(), form(current, "Titre de la seconde"), refused).status())
                .isEqualTo(302);
        assertThat(catalogue.get(r.id()).title()).isEqualTo("Titre de la seconde");
    }

    @Test
    void invalidFieldsAreShownBackAndNothingIsSaved() {
        Record r = draft("Valide " + System.nanoTime());
        Pages doc = as(DOCUMENTALIST);
        Map<String, String> bad = form(r, "");
        bad.put("date", "hier");
        Pages.Page page = doc.post("/gestion/notices/" + r.id(), bad, doc.get("/gestion/notices/" + r.id()));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("href=\"#f-date\"", "href=\"#f-title\"", "value=\"hier\"");
        assertThat(catalogue.get(r.id()).version()).isEqualTo(r.version());
    }

    @Test
    void withdrawAndDeleteAskForConfirmationAndTheHistoryShowsTheChanges() {
        Record r = catalogue.publish(draft("Publiée " + System.nanoTime()).id());
        Pages doc = as(DOCUMENTALIST);
        Pages.Page editor = doc.get("/gestion/notices/" + r.id());
        assertThat(editor.body()).contains("href=\"/gestion/notices/" + r.id() + "/retirer\"");
        doc.post("/gestion/notices/" + r.id(), form(r, "Publiée et corrigée"), editor);
        assertThat(doc.get("/gestion/notices/" + r.id()).body()).contains("POST /gestion/notices/{id}",
                DOCUMENTALIST);

        Pages.Page confirm = doc.get("/gestion/notices/" + r.id() + "/retirer");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Retirer cette notice", "Oui, retirer");
        assertThat(catalogue.get(r.id()).status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(doc.post("/gestion/notices/" + r.id() + "/retirer", Map.of(), confirm).status()).isEqualTo(302);
        assertThat(catalogue.get(r.id()).status()).isEqualTo(RecordStatus.WITHDRAWN);

        Pages.Page delete = doc.get("/gestion/notices/" + r.id() + "/supprimer");
        assertThat(delete.body()).contains("Supprimer cette notice", "Oui, supprimer");
        assertThat(catalogue.get(r.id()).deleted()).isFalse();
        doc.post("/gestion/notices/" + r.id() + "/supprimer", Map.of(), delete);
        assertThat(catalogue.get(r.id()).deleted()).isTrue();
        assertThat(doc.get("/gestion/notices/" + r.id()).status()).isEqualTo(404);
    }

    @Test
    void aQuarantinedFileCanBeRetriedAndDiscarded() {
        Pages doc = as(DOCUMENTALIST);
        String name = "chiffre-" + System.nanoTime() + ".pdf";
        Pages.Page sent = doc.postFiles("/gestion/depot", "fichiers",
                Map.of(name, ("%PDF-1.4 broken " + name).getBytes(StandardCharsets.UTF_8)), doc.get("/gestion/depot"));
        finished(doc, ids(sent.location()).get(0));
        Pages.Page list = doc.get("/gestion/quarantaine");
        assertThat(list.body()).contains(name, "Réessayer", "Supprimer");
        String id = between(list.body().substring(list.body().indexOf(name) - 400), "id=\"q-", "\"");

        Pages.Page retried = doc.post("/gestion/quarantaine/" + id + "/reessayer", Map.of(), list);
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).endsWith("/gestion/quarantaine");
        assertThat(doc.get("/gestion/quarantaine").body()).contains(name);

        doc.post("/gestion/quarantaine/" + id + "/supprimer", Map.of(), list);
        assertThat(doc.get("/gestion/quarantaine").body()).doesNotContain(name);
        assertThat(doc.get("/api/ingest/quarantine/" + id, "application/json").status()).isEqualTo(404);
    }

    private Record draft(String title) {
        return catalogue.create(fields(title, "rapport"));
    }

    private static RecordFields fields(String title, String type) {
        return new RecordFields(title, null, List.of("Réseau"), null, "2024", type, "fr", "Résumé.", null, null, null, null);
    }

    private Record withText(String title, String text) {
        return catalogue.createFromFile(fields(title, "rapport"), new org.lakou.catalogue.FileRef(
                Long.toHexString(System.nanoTime()), "t.txt", "text/plain", text.length(), 1, text.length(), false,
                org.lakou.catalogue.TextStatus.EXTRACTED), text);
    }

    private static Map<String, String> form(Record r, String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", Long.toString(r.version()));
        f.put("title", title);
        f.put("creators", String.join("\n", r.creators()));
        f.put("date", r.date() == null ? "" : r.date());
        f.put("type", r.type() == null ? "" : r.type());
        f.put("language", r.language() == null ? "" : r.language());
        f.put("summary", r.summary() == null ? "" : r.summary());
        f.put("accessLevel", r.accessLevel().code());
        if (!r.subjects().isEmpty()) {
            f.put("subjects", String.join(",", r.subjects()));
        }
        return f;
    }

    /** Polls a file's row as the page's htmx does, until it shows an outcome. */
    private static String finished(Pages doc, String uploadId) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            Pages.Page row = doc.get("/gestion/depot/fichiers/" + uploadId);
            assertThat(row.status()).isEqualTo(200);
            if (!row.body().contains("hx-trigger")) {
                return row.body();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        throw new AssertionError("upload " + uploadId + " still running");
    }

    private static List<String> ids(String location) {
        Matcher m = Pattern.compile("suivi=([^&]+)").matcher(location);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start) + start.length();
        return s.substring(i, s.indexOf(end, i));
    }
}
