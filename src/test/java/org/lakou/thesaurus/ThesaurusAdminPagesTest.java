package org.lakou.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The thesaurus versions pages of the staff desk: ADMIN only, a refused file explained on the page,
 * and the upload → diff → remapping choices → apply flow, checked on the records it rewrites.
 */
class ThesaurusAdminPagesTest extends IntegrationTestBase {

    static final String PAGE = "/gestion/admin/thesaurus";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    ThesaurusApi thesaurus;

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    private Record record(String title, String... subjects) {
        Record r = catalogue.create(new RecordFields(title, null, List.of(), null, "2011", "étude", "fr", null,
                List.of(subjects), List.of(), null, AccessLevel.PUBLIC));
        return catalogue.publish(r.id());
    }

    private static Pages.Page upload(Pages admin, String fileName, String type, String content) {
        Pages.Page form = admin.get(PAGE);
        return admin.postFile(PAGE + "/versions", "file", fileName, type, content.getBytes(StandardCharsets.UTF_8), form);
    }

    @Test
    void onlyAdministratorsOpenThePages() {
        assertThat(as(MEMBER).get(PAGE).status()).isEqualTo(403);
        Pages doc = as(DOCUMENTALIST);
        assertThat(doc.get(PAGE).status()).isEqualTo(403);
        assertThat(doc.get(PAGE + "/indexation").status()).isEqualTo(403);
        Pages.Page page = as(ADMIN).get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Versions du thésaurus", "https://w3id.org/lakou/thesaurus/thematique",
                "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
        assertThat(as(ADMIN).get(PAGE + "?lang=en").body()).contains("Thesaurus versions", "Upload a new version");
    }

    @Test
    void badRdfIsRefusedOnThePageWithItsLine() {
        Pages admin = as(ADMIN);
        int schemes = thesaurus.schemes().size();
        Pages.Page refused = upload(admin, "casse.ttl", "text/turtle",
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<http://x/a> a skos:Concept ;\n  skos:prefLabel \"a\"@fr <oops .\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Le fichier a été refusé", "class=\"alert-error upload-error\"", "(ligne 3)")
                .contains("Versions du thésaurus");
        Pages.Page unknown = upload(admin, "notes.txt", "text/plain", "pas du RDF");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Le fichier a été refusé", "unsupported-format");
        Pages.Page empty = upload(admin, "vide.ttl", "text/turtle", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Choisissez un fichier à déposer.");
        assertThat(thesaurus.schemes()).hasSize(schemes);
    }

    @Test
    void uploadShowsTheDiffAndApplyingFollowsTheChosenRemappings() {
        Pages admin = as(ADMIN);
        String base = "https://example.org/pages" + System.nanoTime();
        String ex = base + "/";
        Pages.Page first = upload(admin, "v1.ttl", "text/turtle", FixtureScheme.v1(base));
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        String v1Page = first.location();
        assertThat(v1Page).matches(".*" + PAGE + "/[^/]+/versions/1");
        String id = v1Page.replaceAll(".*" + PAGE + "/([^/]+)/versions/1", "$1");
        assertThat(thesaurus.scheme(id).orElseThrow().uri()).isEqualTo(FixtureScheme.schemeUri(base));
        assertThat(thesaurus.concept(ex + "old")).as("uploading does not apply").isEmpty();
        Pages.Page v1 = admin.get(v1Page);
        assertThat(v1.body()).contains("Aucune version de ce vocabulaire n’est en service", "Appliquer cette version");
        assertThat(admin.post(v1Page + "/apply", Map.of(), v1).status()).isEqualTo(302);
        assertThat(thesaurus.concept(ex + "old")).isPresent();

        Record usesOld = record("Rapport sur les taudis", ex + "old");
        Record usesDead = record("Notice au concept abandonné", ex + "dead");
        Record usesGone = record("Notice au concept retiré", ex + "gone");

        Pages.Page second = upload(admin, "v2.ttl", "text/turtle", FixtureScheme.v2(base));
        assertThat(second.location()).endsWith(PAGE + "/" + id + "/versions/2");
        Pages.Page review = admin.get(second.location());
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains("<h1>Fixture, version 2</h1>", "1 concept(s) ajouté(s)", "2 concept(s) déprécié(s), 1 supprimé(s)",
                "Santé", "Médiation sociale", "Habitat indigne (proposé par le thésaurus)",
                "href=\"/records/" + usesOld.id() + "\"", "href=\"/records/" + usesDead.id() + "\"",
                "href=\"/records/" + usesGone.id() + "\"", "data-concept=\"" + ex + "old\"");
        assertThat(thesaurus.versionLabels(id, 2)).containsKey(ex + "c");

        // old: the proposed replacement; dead: another concept typed by its label; gone: flagged
        Pages.Page applied = admin.post(second.location() + "/apply", Map.of("remap[" + ex + "old]", ex + "b1",
                "remap[" + ex + "dead]", "_other", "other[" + ex + "dead]", "Action sociale",
                "remap[" + ex + "gone]", "", "other[" + ex + "gone]", ""), review);
        assertThat(applied.status()).isEqualTo(302);
        assertThat(applied.location()).endsWith(PAGE + "/" + id + "/versions/2");
        assertThat(catalogue.get(usesOld.id()).subjects()).containsExactly(ex + "b1");
        assertThat(catalogue.get(usesDead.id()).subjects()).as("the typed label's concept, not a flag")
                .containsExactly(ex + "a");
        assertThat(catalogue.get(usesDead.id()).reviewNotes()).isEmpty();
        assertThat(catalogue.get(usesGone.id()).reviewNotes()).singleElement().asString().contains(ex + "gone");
        Pages.Page after = admin.get(applied.location());
        assertThat(after.body()).contains("La version a été appliquée.", "2 notice(s) remappée(s), 1 notice(s) signalée(s)",
                "hx-get=\"/gestion/admin/thesaurus/indexation\"", "Cette version est celle en service.")
                .doesNotContain("Appliquer cette version");
    }

    @Test
    void aChoiceNamingNoLiveConceptLeavesTheVersionUnapplied() {
        Pages admin = as(ADMIN);
        String base = "https://example.org/bad-choice" + System.nanoTime();
        String ex = base + "/";
        thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "v1.ttl", "text/turtle", "t");
        Pages.Page second = upload(admin, "v2.ttl", "text/turtle", FixtureScheme.v2(base));
        Pages.Page review = admin.get(second.location());
        Pages.Page refused = admin.post(second.location() + "/apply",
                Map.of("remap[" + ex + "old]", ex + "dead"), review);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get(refused.location()).body()).contains("flash-error", "is not a live concept")
                .contains("Appliquer cette version");
        assertThat(thesaurus.scheme(FixtureScheme.schemeUri(base)).orElseThrow().currentVersion()).isEqualTo(1);
    }

    @Test
    void theRestApplyTakesTheSameChoices() {
        String base = "https://example.org/rest-choice" + System.nanoTime();
        String ex = base + "/";
        thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "v1.ttl", "text/turtle", "t");
        Record usesOld = record("Taudis, rapport REST", ex + "old");
        String id = thesaurus.importScheme(FixtureScheme.v2(base).getBytes(StandardCharsets.UTF_8), "v2.ttl",
                "text/turtle", "t", false).schemeId();
        TestHttp http = admin();
        TestHttp.Response bad = http.post("/api/thesaurus/schemes/" + id + "/versions/2/apply",
                Map.of(ex + "nowhere", ex + "a"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        TestHttp.Response ok = http.post("/api/thesaurus/schemes/" + id + "/versions/2/apply", Map.of(ex + "old", ex + "c"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("replacements").get(ex + "old").asString()).isEqualTo(ex + "c");
        assertThat(catalogue.get(usesOld.id()).subjects()).containsExactly(ex + "c");
    }

    @Test
    void theAutocompleteAndTheIndexProgressAreFragments() {
        Pages admin = as(ADMIN);
        Pages.Page options = admin.get(PAGE + "/concepts?" + Pages.enc("other[x]") + "=" + Pages.enc("délinq"));
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("<option value=\"https://w3id.org/lakou/thesaurus/").doesNotContain("<html");
        Pages.Page progress = admin.get(PAGE + "/indexation?max=5");
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("id=\"index-progress\"", "<progress").doesNotContain("<html");
    }
}
