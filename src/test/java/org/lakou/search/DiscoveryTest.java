package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * "Vouliez-vous dire" (spell checking with collations checked for hits), similar records
 * (MoreLikeThis) and the publishedAfter filter, each held to the readers' access rules.
 */
class DiscoveryTest extends IntegrationTestBase {

    private static final String LKT = SubjectSuggestionTest.LKT;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    private String coll;

    @BeforeEach
    void setUp() {
        coll = Fixtures.uniqueCollection();
    }

    private Record withText(RecordFields fields, String text, boolean publish) {
        FileRef file = new FileRef("sha256-" + (fields.title() + text).hashCode() + "-" + coll, "doc.pdf",
                "application/pdf", 1000, 1, text.length(), false, TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(fields, file, text);
        return publish ? catalogue.publish(r.id()) : r;
    }

    private RecordFields fields(String title, AccessLevel level, String... subjects) {
        return new RecordFields(title, null, List.of("Durand, Anne"), null, "2015", "rapport", "fr", null,
                List.of(subjects).stream().map(s -> LKT + s).toList(), List.of(), coll, level);
    }

    private void awaitIndexed() {
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).as("outbox drained").isTrue();
    }

    private JsonNode searchAs(TestHttp who, String q) {
        TestHttp.Response r = who.get("/api/search?collection=" + coll + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode hits) {
        return hits.valueStream().map(h -> h.get("id").asString()).toList();
    }

    @Test
    void aMisspeltQueryProposesTheCorrectionWithItsHitCount() {
        withText(fields("La médiation sociale dans les quartiers", AccessLevel.PUBLIC), "Un bilan des actions.", true);
        withText(fields("Médiation sociale et habitat", AccessLevel.PUBLIC), "Les correspondants de nuit.", true);
        awaitIndexed();

        JsonNode body = searchAs(anonymous(), "médiatoin sociale");
        assertThat(body.get("total").asLong()).isZero();
        JsonNode sc = body.get("spellcheck");
        assertThat(sc).as(body.toString()).isNotNull();
        assertThat(sc.get("query").asString()).isEqualTo("médiation sociale");
        assertThat(sc.get("hits").asLong()).isEqualTo(2);
        // the correction is a query like any other: it finds what it announced
        assertThat(searchAs(anonymous(), sc.get("query").asString()).get("total").asLong()).isEqualTo(2);

        JsonNode plenty = searchAs(anonymous(), "médiation sociale");
        assertThat(plenty.has("spellcheck")).as("no correction for a query that finds records").isFalse();
    }

    @Test
    void correctionsNeverSpellOutWhatTheReaderMayNotSee() {
        // a draft's title and a members file's text: neither may surface as a correction for anonymous readers
        withText(fields("Les xylophonistes du dimanche", AccessLevel.PUBLIC), "Brouillon.", false);
        withText(fields("Rapport réservé", AccessLevel.MEMBERS), "Le protocole ornithorynque des adhérents.", true);
        withText(fields("Note publique", AccessLevel.PUBLIC), "Les xylophonistes jouent le protocole.", true);
        awaitIndexed();

        assertThat(searchAs(anonymous(), "ornithorinque").has("spellcheck"))
                .as("members text is not in the spell dictionary").isFalse();
        JsonNode draftOnly = searchAs(anonymous(), "xylophonistez dimanche");
        assertThat(draftOnly.has("spellcheck")).as("a collation finding only a draft is not offered: " + draftOnly)
                .isFalse();
        JsonNode visible = searchAs(anonymous(), "xylophonistez");
        assertThat(visible.get("spellcheck").get("query").asString()).isEqualTo("xylophonistes");
        assertThat(visible.get("spellcheck").get("hits").asLong()).isEqualTo(1);
    }

    @Test
    void similarRecordsComeFromTheTextTheReaderMayReadAndTheSubjects() {
        String shared = "Le quokkarium zorbonite palimpsestique des gardiens de phare bretons.";
        Record source = withText(fields("Source réservée", AccessLevel.MEMBERS), shared, true);
        Record twin = withText(fields("Jumeau réservé", AccessLevel.MEMBERS), shared, true);
        Record draft = withText(fields("Jumeau brouillon", AccessLevel.MEMBERS), shared, false);
        Record staffTwin = withText(fields("Jumeau interne", AccessLevel.STAFF), shared, true);
        Record staffOther = withText(fields("Autre note interne", AccessLevel.STAFF), shared, true);
        Record bySubject = withText(fields("Par le sujet", AccessLevel.PUBLIC, "mediation-scolaire"), "Autre chose.", true);
        Record subjectTwin = withText(fields("Même sujet", AccessLevel.PUBLIC, "mediation-scolaire"), "Rien à voir.", true);
        awaitIndexed();

        assertThat(similar(member(), source.id())).as("members read members text").contains(twin.id())
                .doesNotContain(draft.id(), staffTwin.id(), source.id());
        // terms are looked for in the field they come from: members text finds members text
        assertThat(similar(documentalist(), source.id())).contains(twin.id()).doesNotContain(draft.id());
        assertThat(similar(documentalist(), staffTwin.id())).as("staff read staff text and records")
                .contains(staffOther.id());
        assertThat(similar(anonymous(), source.id()))
                .as("a members-only phrase must not lead an anonymous reader to a members record").isEmpty();
        assertThat(similar(anonymous(), bySubject.id())).contains(subjectTwin.id()).doesNotContain(bySubject.id());

        assertThat(anonymous().get("/api/records/" + draft.id() + "/similar").status())
                .as("a draft is hidden from readers").isEqualTo(404);
        assertThat(anonymous().get("/api/records/" + staffTwin.id() + "/similar").status()).isEqualTo(404);
        assertThat(member().get("/api/records/" + staffTwin.id() + "/similar").status()).isEqualTo(404);
        assertThat(anonymous().get("/api/records/" + bySubject.id() + "/similar?size=0").status()).isEqualTo(400);
    }

    private List<String> similar(TestHttp who, String id) {
        TestHttp.Response r = who.get("/api/records/" + id + "/similar");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json());
    }

    @Test
    void publishedAfterFiltersOnTheFirstPublication() throws Exception {
        Record before = withText(fields("Ancienne étude", AccessLevel.PUBLIC), "Texte.", true);
        Thread.sleep(20);
        Instant cut = Instant.now();
        Thread.sleep(20);
        Record after = withText(fields("Nouvelle étude", AccessLevel.PUBLIC), "Texte.", true);
        awaitIndexed();

        TestHttp.Response r = anonymous().get("/api/search?collection=" + coll + "&publishedAfter=" + cut);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(ids(r.json().get("hits"))).containsExactly(after.id());
        assertThat(ids(anonymous().get("/api/search?collection=" + coll + "&publishedAfter=2000-01-01").json()
                .get("hits"))).containsExactlyInAnyOrder(before.id(), after.id());

        // a withdraw and re-publish keeps the first publication date
        catalogue.withdraw(before.id());
        catalogue.publish(before.id());
        awaitIndexed();
        assertThat(ids(anonymous().get("/api/search?collection=" + coll + "&publishedAfter=" + cut).json()
                .get("hits"))).containsExactly(after.id());

        TestHttp.Response bad = anonymous().get("/api/search?publishedAfter=hier");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("publishedAfter");
    }
}
