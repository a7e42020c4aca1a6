package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

/** The public pages against a live Lakou: model in the HTML, status codes, language, access. */
class PublicPagesTest extends IntegrationTestBase {

    static final String MEDIATION = "https://w3id.org/lakou/thesaurus/thematique/mediation-sociale";
    static final String ZUS = "https://w3id.org/lakou/thesaurus/thematique/zone-urbaine-sensible";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Autowired
    org.lakou.ingest.IngestApi ingest;

    @Autowired
    org.lakou.thesaurus.ThesaurusApi thesaurus;

    private Pages browser() {
        return new Pages(baseUrl());
    }

    private Record published(String title, List<String> subjects, AccessLevel access) {
        Record r = catalogue.create(new RecordFields(title, null, List.of("Ville caraïbe"), "CRPV", "2019", "rapport",
                "fr", "Un résumé sur la médiation sociale dans les quartiers.", subjects, List.of(), "pages-test",
                access));
        catalogue.publish(r.id());
        catalogue.addCopy(r.id(), new Copy("PG" + UUID.randomUUID().toString().substring(0, 8), "362 MED", "Salle 1",
                null));
        return catalogue.get(r.id());
    }

    @Test
    void homeIsFrenchWithASearchBoxThemesAndLatestDocuments() {
        String word = "accueil" + UUID.randomUUID().toString().substring(0, 6);
        published("Rapport " + word, List.of(MEDIATION), AccessLevel.PUBLIC);
        search.awaitIndexed(Duration.ofSeconds(30));
        Pages.Page home = browser().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"fr\"").contains("name=\"q\"")
                .contains("Entrer par thème").contains("Médiation sociale").contains("Rapport " + word)
                .contains("hx-get=\"/thesaurus/suggestions\"");
    }

    @Test
    void englishOnRequestIsRememberedThenFrenchAgain() {
        Pages b = browser();
        Pages.Page en = b.get("/?lang=en");
        assertThat(en.body()).contains("<html lang=\"en\"").contains("Browse by theme");
        assertThat(en.headers().firstValue("Set-Cookie").orElse("")).contains("lakou-lang=en");
        assertThat(b.get("/thesaurus").body()).contains("<html lang=\"en\"").contains("Vocabularies");
        assertThat(b.get("/thesaurus?lang=fr").body()).contains("<html lang=\"fr\"").contains("Vocabulaires");
        assertThat(b.get("/").body()).contains("<html lang=\"fr\"");
    }

    @Test
    void searchShowsHitsFacetsSubjectTreeAndRefines() {
        String word = "facette" + UUID.randomUUID().toString().substring(0, 6);
        Record r = published("Étude " + word + " sur la médiation", List.of(MEDIATION), AccessLevel.PUBLIC);
        search.awaitIndexed(Duration.ofSeconds(30));
        Pages.Page page = browser().get("/recherche?q=" + word);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/records/" + r.id()).contains("<em>" + word + "</em>")
                .contains("Type de document").contains("rapport").contains("2019")
                .contains("Sujets").contains("Médiation sociale")
                .contains("sujet=" + Pages.enc(MEDIATION).replace("%3A", ":").substring(0, 5));
        Pages.Page refined = browser().get("/recherche?q=" + word + "&sujet=" + Pages.enc(MEDIATION));
        assertThat(refined.body()).contains("/records/" + r.id()).contains("Retirer ce filtre");
        Pages.Page other = browser().get("/recherche?q=" + word + "&sujet=" + Pages.enc(ZUS));
        assertThat(other.body()).contains("Aucun document ne correspond").contains("retirer « ");
    }

    @Test
    void territoryFacetShowsPlaceNamesAndRefines() {
        String word = "lieu" + UUID.randomUUID().toString().substring(0, 6);
        String fdf = "https://w3id.org/lakou/thesaurus/territoires/fort-de-france";
        Record r = catalogue.create(new RecordFields("Diagnostic " + word, null, List.of(), null, "2020", "rapport",
                "fr", null, List.of(), List.of(fdf), null, AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        published("Autre " + word, List.of(), AccessLevel.PUBLIC);
        search.awaitIndexed(Duration.ofSeconds(30));
        Pages.Page page = browser().get("/recherche?q=" + word);
        assertThat(page.body()).contains("Territoire").contains("Fort-de-France")
                .contains("territoire=" + fdf);
        Pages.Page refined = browser().get("/recherche?q=" + word + "&territoire=" + Pages.enc(fdf));
        assertThat(refined.body()).contains("/records/" + r.id()).contains("1 document").doesNotContain("Autre " + word);
    }

    @Test
    void expansionIsAnnouncedAndCanBeTurnedOff() {
        Pages.Page page = browser().get("/recherche?q=ZUS");
        assertThat(page.body()).contains("Recherche élargie à").contains("zone urbaine sensible")
                .contains("elargir=non");
        Pages.Page off = browser().get("/recherche?q=ZUS&elargir=non");
        assertThat(off.body()).doesNotContain("Recherche élargie à").contains("élargissement par le thésaurus est désactivé");
    }

    @Test
    void recordPageHasMetadataSubjectsCopiesCitationsAndJsonAtTheSameAddress() {
        Record r = published("Notice de page " + UUID.randomUUID(), List.of(MEDIATION), AccessLevel.PUBLIC);
        Pages.Page page = browser().get("/records/" + r.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(r.title()).contains("Ville caraïbe").contains("Médiation sociale")
                .contains("/thesaurus/concept?uri=").contains("362 MED").contains("disponible")
                .contains("citation.bib").contains("citation.ris").contains("Lien permanent")
                .contains("/compte/reservations/nouvelle?notice=" + r.id()).contains("Demander");
        Pages.Page json = browser().get("/records/" + r.id(), "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).isEqualTo(anonymous().get("/api/records/" + r.id()).body());
        assertThat(browser().get("/records/" + r.id() + "/citation.bib").body()).startsWith("@techreport{lakou-" + r.id())
                .contains("author = {Ville caraïbe}").contains("year = {2019}");
        assertThat(browser().get("/records/" + r.id() + "/citation.ris").body()).startsWith("TY  - RPRT")
                .contains("TI  - " + r.title()).contains("ER  - ");
    }

    @Test
    void draftIsNotFoundExceptForStaffAndDeletedIsGone() {
        Record draft = catalogue.create(new RecordFields("Brouillon " + UUID.randomUUID(), null, List.of(), null,
                "2020", "rapport", "fr", null, List.of(), List.of(), null, AccessLevel.PUBLIC));
        Pages.Page hidden = browser().get("/records/" + draft.id());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).contains("<html lang=\"fr\"").contains("Page introuvable")
                .doesNotContain(draft.title());
        assertThat(browser().get("/records/" + draft.id(), "application/json").status()).isEqualTo(404);
        Pages.Page staff = browser().basic(DOCUMENTALIST, PASSWORD).get("/records/" + draft.id());
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).contains(draft.title()).contains("pas visible du public");
        Record gone = published("Supprimé " + UUID.randomUUID(), List.of(), AccessLevel.PUBLIC);
        catalogue.delete(gone.id());
        Pages.Page deleted = browser().get("/records/" + gone.id());
        assertThat(deleted.status()).isEqualTo(410);
        assertThat(deleted.body()).contains("Document supprimé");
        assertThat(browser().get("/records/" + gone.id(), "application/json").status()).isEqualTo(410);
        assertThat(browser().get("/records/nope-" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void filesOfferADownloadOrSayWhyNot() {
        var outcome = ingest.ingest(new java.io.ByteArrayInputStream(("Note de travail sur la médiation "
                + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "note-adherents.txt");
        Record draft = outcome.record();
        RecordFields f = draft.fields();
        catalogue.update(draft.id(), draft.version(), new RecordFields("Note réservée " + UUID.randomUUID(), null,
                f.creators(), f.publisher(), "2021", "rapport", "fr", null, List.of(), List.of(), null,
                AccessLevel.MEMBERS));
        catalogue.publish(draft.id());
        String path = "/records/" + draft.id();
        Pages.Page anonymousPage = browser().get(path);
        assertThat(anonymousPage.body()).contains("note-adherents.txt").contains("réservé aux adhérents")
                .doesNotContain("/files/");
        Pages.Page memberPage = browser().basic(MEMBER, PASSWORD).get(path);
        assertThat(memberPage.body()).contains("/api/records/" + draft.id() + "/files/").contains("Télécharger");
    }

    @Test
    void thesaurusBrowserTreeBranchConceptPageAndSuggestions() {
        Pages b = browser();
        Pages.Page browse = b.get("/thesaurus");
        assertThat(browse.status()).isEqualTo(200);
        assertThat(browse.body()).contains("Cohésion sociale").contains("hx-get=\"/thesaurus/branche?uri=");
        Pages.Page branch = b.get("/thesaurus/branche?uri=" + Pages.enc("https://w3id.org/lakou/thesaurus/thematique/cohesion-sociale"));
        assertThat(branch.body()).contains("lien social").doesNotContain("<html");
        Pages.Page concept = b.get("/thesaurus/concept?uri=" + Pages.enc(ZUS));
        assertThat(concept.status()).isEqualTo(200);
        assertThat(concept.body()).contains("zone urbaine sensible").contains("ZUS").contains("Terme générique")
                .contains("/recherche?sujet=").contains("/recherche/apercu?sujet=");
        assertThat(b.get("/thesaurus/suggestions?q=mediat").body()).contains("Médiation sociale");
        assertThat(b.get("/thesaurus/concept?uri=" + Pages.enc("http://nowhere/x")).status()).isEqualTo(404);
    }

    @Test
    void pagesStayOutOfTheOpenApiDocumentButTheRecordAddressIsIn() {
        var paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/records/{id}")).isTrue();
        for (String page : List.of("/", "/recherche", "/thesaurus", "/thesaurus/concept", "/login", "/compte",
                "/compte/reservations", "/records/{id}/citation.bib")) {
            assertThat(paths.has(page)).as(page).isFalse();
        }
    }

    @Test
    void mintedConceptUrisSendBrowsersToTheConceptPage() {
        var local = thesaurus.addLocalConcept(new org.lakou.thesaurus.LocalConceptCommand(
                "Médiation de nuit " + UUID.randomUUID().toString().substring(0, 6), "fr", MEDIATION, List.of(), null));
        String path = local.uri().substring(local.uri().indexOf("/thesaurus/concepts/"));
        Pages.Page browser = browser().get(path);
        assertThat(browser.status()).isEqualTo(303);
        // Location headers are absolute (PublicUrl): the server's own address, then the page
        java.net.URI to = java.net.URI.create(browser.location());
        assertThat(to.getRawPath()).isEqualTo("/thesaurus/concept");
        assertThat(to.getRawQuery()).startsWith("uri=");
        Pages.Page page = browser().get(to.getRawPath() + "?" + to.getRawQuery());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(local.label("fr")).contains("Médiation sociale");
        assertThat(browser().get(path, "text/turtle").body()).contains("prefLabel");
        assertThat(browser().get(path, "*/*").status()).isEqualTo(200);
    }

    @Test
    void loginPageIsLakousOwnAndMemberSpaceNeedsIt() {
        Pages b = browser();
        Pages.Page login = b.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"fr\"").contains("name=\"username\"")
                .contains("name=\"password\"").contains("name=\"_csrf\"").contains("Mot de passe oublié");
        Pages.Page account = b.get("/compte");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/login");
        Pages.Page failed = b.post("/login", java.util.Map.of("username", MEMBER, "password", "wrong password!!"), login);
        assertThat(failed.location()).endsWith("/login?error");
        assertThat(b.get("/login?error").body()).contains("L’adresse e-mail ou le mot de passe est incorrect");
        Pages.Page ok = b.login(MEMBER, PASSWORD);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).contains("/compte");
        assertThat(b.get("/compte").body()).contains("Adhérent de test").contains("Association");
    }
}
