package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Subject suggestion on the real embedded concepts core and the starter thesaurus: the concepts a
 * text speaks of are found (through plurals, elision and alternative labels), title mentions
 * rank first, acronyms only count in capitals, and the documentalist's decisions are applied and
 * recorded.
 */
class SubjectSuggestionTest extends IntegrationTestBase {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    static final String LKG = "https://w3id.org/lakou/thesaurus/territoires/";

    static final String TITLE = "La médiation sociale en milieu scolaire : bilan d'une expérimentation";
    static final String TEXT = """
            Depuis 2008, des médiateurs sociaux interviennent dans quatre collèges de Fort-de-France. \
            Leur mission : apaiser le climat scolaire, prévenir les violences scolaires et lutter contre le \
            décrochage scolaire. Les élèves médiateurs, formés par l'association, règlent les petits conflits \
            de la cour. Le décrochage scolaire a reculé d'un tiers dans les établissements suivis.

            Les relations parents-école se sont améliorées : les médiateurs accompagnent les familles aux \
            rencontres avec les enseignants. Plusieurs postes sont financés par le dispositif adultes-relais. \
            Les enfants du quartier jouent sur le pré voisin le mercredi.""";

    @Autowired
    SubjectSuggester suggester;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;

    private JsonHttp http;
    private String coll;

    @BeforeEach
    void setUp() {
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).as("concepts core loaded").isTrue();
        http = new JsonHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD);
        coll = Fixtures.uniqueCollection();
    }

    static List<String> uris(List<SubjectSuggestion> s) {
        return s.stream().map(SubjectSuggestion::uri).toList();
    }

    @Test
    void aTextOnSchoolMediationSuggestsTheMatchingConcepts() {
        List<SubjectSuggestion> s = suggester.suggest(TITLE, TEXT, 20);

        assertThat(uris(s)).contains(LKT + "mediation-scolaire", LKT + "decrochage-scolaire",
                LKT + "climat-scolaire", LKT + "violence-en-milieu-scolaire", LKT + "mediation-par-les-pairs",
                LKT + "metiers-de-la-mediation");
        // the title names it in full: first, with the title mention counted
        SubjectSuggestion first = s.get(0);
        assertThat(first.uri()).isEqualTo(LKT + "mediation-scolaire");
        assertThat(first.label()).isEqualTo("médiation scolaire");
        assertThat(first.titleMentions()).isEqualTo(1);
        assertThat(first.target()).isEqualTo("subjects");
        assertThat(first.matchedTexts()).contains("médiation sociale en milieu scolaire");
        SubjectSuggestion dropout = s.stream().filter(x -> x.uri().equals(LKT + "decrochage-scolaire")).findFirst()
                .orElseThrow();
        assertThat(dropout.mentions()).isEqualTo(2);
        assertThat(dropout.titleMentions()).isZero();
        // "pré" is a meadow, not the Programme de réussite éducative (PRE)
        assertThat(uris(suggester.suggest(TITLE, TEXT, 50))).doesNotContain(LKT + "programme-de-reussite-educative");
    }

    @Test
    void placesAreSuggestedAsTerritoriesAndAcronymsCountInCapitals() {
        List<SubjectSuggestion> s = suggester.suggest("Bilan du PRE de Fort-de-France",
                "Le programme de réussite éducative suit 300 enfants en ZUS.", 10);

        assertThat(uris(s)).contains(LKT + "programme-de-reussite-educative", LKT + "zone-urbaine-sensible",
                LKG + "fort-de-france");
        assertThat(s).filteredOn(x -> x.uri().equals(LKG + "fort-de-france"))
                .extracting(SubjectSuggestion::target).containsExactly("territories");
        SubjectSuggestion pre = s.stream().filter(x -> x.uri().equals(LKT + "programme-de-reussite-educative"))
                .findFirst().orElseThrow();
        assertThat(pre.mentions()).isEqualTo(2);
        assertThat(pre.matchedTexts()).contains("PRE", "programme de réussite éducative");
        // document types are not subjects: "rapport" or "bilan" never come back
        assertThat(s).allSatisfy(x -> assertThat(x.scheme()).doesNotContain("/types"));
    }

    @Test
    void titleMentionsOutrankBodyOnlyMentions() {
        String body = "Le décrochage scolaire progresse. Le décrochage scolaire touche les garçons. "
                + "Un point sur la santé mentale des adolescents.";
        List<String> withTitle = uris(suggester.suggest("Santé mentale des adolescents", body, 10));
        assertThat(withTitle.indexOf(LKT + "sante-mentale")).isZero();
        assertThat(withTitle).contains(LKT + "decrochage-scolaire");

        // without the title mention, frequency decides: the concept mentioned twice leads
        List<String> bodyOnly = uris(suggester.suggest("Note de synthèse", body, 10));
        assertThat(bodyOnly.indexOf(LKT + "decrochage-scolaire")).isLessThan(bodyOnly.indexOf(LKT + "sante-mentale"));
    }

    @Test
    void acceptingAddsTheSubjectRejectingOnlyRecordsTheDecision() {
        Record r = withText(TITLE, TEXT);

        JsonNode got = http.get("/api/records/" + r.id() + "/subject-suggestions", "limit", "20").body();
        assertThat(got.get("recordId").asString()).isEqualTo(r.id());
        assertThat(got.get("suggestions").get(0).get("uri").asString()).isEqualTo(LKT + "mediation-scolaire");
        assertThat(got.get("suggestions").get(0).get("decision").isNull()).isTrue();

        JsonNode accepted = http.postJson("/api/records/" + r.id() + "/subject-suggestions",
                Map.of("conceptUri", LKT + "mediation-scolaire", "decision", "accepted"));
        assertThat(accepted.get("decision").asString()).isEqualTo("accepted");
        JsonNode rejected = http.postJson("/api/records/" + r.id() + "/subject-suggestions",
                Map.of("conceptUri", LKT + "climat-scolaire", "decision", "rejected"));
        assertThat(rejected.get("decision").asString()).isEqualTo("rejected");
        JsonNode place = http.postJson("/api/records/" + r.id() + "/subject-suggestions",
                Map.of("conceptUri", LKG + "fort-de-france", "decision", "accepted"));
        assertThat(place.get("label").asString()).isEqualTo("Fort-de-France");

        Record after = catalogue.get(r.id());
        assertThat(after.subjects()).containsExactly(LKT + "mediation-scolaire");
        assertThat(after.territories()).containsExactly(LKG + "fort-de-france");
        assertThat(after.version()).isGreaterThan(r.version());

        JsonNode again = http.get("/api/records/" + r.id() + "/subject-suggestions", "limit", "20").body();
        Map<String, JsonNode> byUri = new java.util.HashMap<>();
        again.get("suggestions").forEach(n -> byUri.put(n.get("uri").asString(), n));
        assertThat(byUri.get(LKT + "mediation-scolaire").get("decision").asString()).isEqualTo("accepted");
        assertThat(byUri.get(LKT + "mediation-scolaire").get("assigned").asBoolean()).isTrue();
        assertThat(byUri.get(LKT + "climat-scolaire").get("decision").asString()).isEqualTo("rejected");
        assertThat(byUri.get(LKT + "climat-scolaire").get("assigned").asBoolean()).isFalse();
        assertThat(byUri.get(LKT + "decrochage-scolaire").get("decision").isNull()).isTrue();
        assertThat(again.get("decisions")).hasSize(3);

        // a second decision on the same concept replaces the first; the subject stays once
        suggester.decide(r.id(), LKT + "mediation-scolaire", SubjectDecision.Decision.ACCEPTED);
        assertThat(catalogue.get(r.id()).subjects()).containsExactly(LKT + "mediation-scolaire");
        assertThat(suggester.suggestForRecord(r.id(), 5).decisions()).hasSize(3);
    }

    @Test
    void badDecisionsAreRefusedAsProblems() {
        Record r = withText("Rapport", "Texte.");
        JsonHttp.Response unknown = http.postJsonResponse("/api/records/" + r.id() + "/subject-suggestions",
                Map.of("conceptUri", "http://example.org/nope", "decision", "accepted"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).contains("application/problem+json");
        JsonHttp.Response badDecision = http.postJsonResponse("/api/records/" + r.id() + "/subject-suggestions",
                Map.of("conceptUri", LKT + "sante", "decision", "maybe"));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(http.get("/api/records/nope/subject-suggestions").status()).isEqualTo(404);
        assertThat(catalogue.get(r.id()).subjects()).isEmpty();
    }

    private Record withText(String title, String text) {
        FileRef file = new FileRef("sha256-" + coll, "doc.pdf", "application/pdf", 1000, 2, text.length(), false,
                TextStatus.EXTRACTED);
        return catalogue.createFromFile(Fixtures.titled(coll, title), file, text);
    }
}
