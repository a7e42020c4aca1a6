package org.lakou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.ingest.TestFiles;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberProfile;
import org.lakou.members.NewMember;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A year of a centre's activity over the real stack: records published with subjects from the
 * starter thesaurus, loans by members of two categories (one returned, one still out), requests
 * naming concepts, and file downloads, all read back by theme, category, type and month. Other
 * tests work in the same year, so the figures are read as differences.
 */
class ActivityReportTest extends IntegrationTestBase {

    private static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    private static final String MEDIATION = LKT + "mediation-sociale";
    private static final String COHESION = LKT + "cohesion-sociale";
    private static final String DISPOSITIFS = LKT + "dispositifs-de-la-politique-de-la-ville";
    private static final String SANTE = LKT + "sante";

    @TempDir
    Path tmp;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    StatsProperties properties;

    @Test
    void theYearIsCountedByThemeCategoryTypeAndMonth() throws IOException {
        TestHttp desk = documentalist();
        String year = "?year=" + now().getYear();
        JsonNode before = desk.get("/api/stats/report" + year).json();

        String token = TestFiles.token();
        Record school = published("Médiation scolaire et lien social " + token, "rapport",
                List.of(LKT + "mediation-scolaire", LKT + "lien-social"), 1);
        Record relais = published("Adultes-relais " + token, "étude", List.of(LKT + "adultes-relais"), 1);
        published("Sans sujet " + token, "étude", List.of(), 0);

        String stateEmail = "etat-" + token + "@adherents.test";
        Member state = memberApi.create(new NewMember(stateEmail, "Agent de l'État", "Préfecture",
                MemberCategory.ETAT, null, PASSWORD));
        assertThat(desk.post("/api/loans", Map.of("barcode", barcode(school), "memberId", memberId(MEMBER))).status())
                .isEqualTo(201);
        assertThat(desk.post("/api/loans", Map.of("barcode", barcode(relais), "memberId", state.id())).status())
                .isEqualTo(201);
        assertThat(desk.post("/api/loans/return", Map.of("barcode", barcode(relais))).status()).isEqualTo(200);

        request(member(), List.of(LKT + "lien-social"));
        request(anonymous().as(stateEmail, PASSWORD), List.of());

        Path pdf = TestFiles.textPdf(tmp.resolve("asv.pdf"), "Atelier santé ville " + token, "Ville caraïbe",
                List.of(TestFiles.FRENCH));
        JsonNode uploaded = desk.upload("/api/ingest", "file", pdf).json().get("record");
        Record asv = catalogue.get(uploaded.get("id").asString());
        catalogue.update(asv.id(), asv.version(), fields(asv.title(), "guide méthodologique", List.of(SANTE)));
        catalogue.publish(asv.id());
        String file = "/api/records/" + asv.id() + "/files/" + uploaded.get("files").get(0).get("id").asString();
        anonymous().bytes(file);
        anonymous().bytes(file);
        member().bytes(file);
        // the agent moves to another employer: the loan made as a State agent stays one
        memberApi.update(state.id(), new MemberProfile(stateEmail, state.name(), "Conseil régional",
                MemberCategory.AUTRE));

        JsonNode after = desk.get("/api/stats/report" + year).json();
        String month = String.valueOf(now().getMonthValue());
        Diff acquisitions = new Diff(before, after, "acquisitions");
        assertThat(acquisitions.of("total")).isEqualTo(4);
        assertThat(acquisitions.of("byMonth", month)).isEqualTo(4);
        assertThat(acquisitions.of("byTheme", MEDIATION)).isEqualTo(1);
        assertThat(acquisitions.of("byTheme", COHESION)).isEqualTo(1);
        assertThat(acquisitions.of("byTheme", DISPOSITIFS)).isEqualTo(1);
        assertThat(acquisitions.of("byTheme", SANTE)).isEqualTo(1);
        assertThat(acquisitions.of("byTheme", ActivityReport.NO_THEME)).isEqualTo(1);
        assertThat(acquisitions.of("byType", "étude")).isEqualTo(2);
        assertThat(acquisitions.of("byType", "rapport")).isEqualTo(1);
        assertThat(after.get("acquisitions").get("byCategory").size()).isZero();

        Diff loans = new Diff(before, after, "loans");
        assertThat(loans.of("total")).as("one loan running, one returned").isEqualTo(2);
        assertThat(loans.of("byCategory", "association")).isEqualTo(1);
        assertThat(loans.of("byCategory", "etat")).as("the category when borrowing").isEqualTo(1);
        assertThat(loans.of("byTheme", MEDIATION)).isEqualTo(1);
        assertThat(loans.of("byTheme", DISPOSITIFS)).isEqualTo(1);
        assertThat(loans.of("byType", "rapport")).isEqualTo(1);

        Diff requests = new Diff(before, after, "requests");
        assertThat(requests.of("total")).isEqualTo(2);
        assertThat(requests.of("byCategory", "association")).isEqualTo(1);
        assertThat(requests.of("byCategory", "autre")).as("requests keep no category: the current one")
                .isEqualTo(1);
        assertThat(requests.of("byTheme", COHESION)).isEqualTo(1);
        assertThat(requests.of("byTheme", ActivityReport.NO_THEME)).isEqualTo(1);

        Diff downloads = new Diff(before, after, "downloads");
        assertThat(downloads.of("total")).isEqualTo(3);
        assertThat(downloads.of("byTheme", SANTE)).isEqualTo(3);
        assertThat(downloads.of("byCategory", "anonymous")).isEqualTo(2);
        assertThat(downloads.of("byCategory", "association")).isEqualTo(1);
        assertThat(downloads.of("byType", "guide méthodologique")).isEqualTo(3);

        assertThat(members(after, "active", "autre") - members(before, "active", "autre")).isEqualTo(1);
        assertThat(members(after, "joined", "autre") - members(before, "joined", "autre")).isEqualTo(1);
        assertThat(members(after, "served", "autre") - members(before, "served", "autre"))
                .as("one member who borrowed and asked counts once").isEqualTo(1);
        assertThat(members(after, "served", "association")).isPositive();
        assertThat(after.get("members").get("active").has("staff")).isFalse();

        assertThat(after.get("themes").get(COHESION).asString()).isEqualTo("Cohésion sociale");
        assertThat(after.get("themes").get(ActivityReport.NO_THEME).asString()).isEqualTo("Sans thème");
        assertCsvMatches(desk, year, after);
    }

    @Test
    void theReportIsForStaffAndChecksTheYear() {
        for (String path : List.of("/api/stats/report", "/api/stats/report.csv")) {
            assertThat(anonymous().get(path).status()).isEqualTo(401);
            assertThat(member().get(path).status()).isEqualTo(403);
            TestHttp.Response bad = documentalist().get(path + "?year=1850");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        JsonNode thisYear = documentalist().get("/api/stats/report").json();
        assertThat(thisYear.get("year").asInt()).isEqualTo(now().getYear());
        assertThat(thisYear.get("loans").get("byMonth").size()).isEqualTo(12);
    }

    /** The spreadsheet gets the same figures as the JSON, one per line, with French labels intact. */
    private void assertCsvMatches(TestHttp desk, String year, JsonNode report) {
        TestHttp.Response csv = desk.get("/api/stats/report.csv" + year);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("rapport-activite-" + now().getYear() + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFsection,axis,key,label,count");
        assertThat(lines).contains("loans,total,,," + report.get("loans").get("total").asLong(),
                "loans,category,etat,," + report.get("loans").get("byCategory").get("etat").asLong(),
                "acquisitions,theme," + COHESION + ",Cohésion sociale,"
                        + report.get("acquisitions").get("byTheme").get(COHESION).asLong());
    }

    private Record published(String title, String type, List<String> subjects, int copies) {
        Record r = catalogue.create(fields(title, type, subjects));
        catalogue.publish(r.id());
        for (int i = 0; i < copies; i++) {
            catalogue.addCopy(r.id(), new Copy("RA-" + r.id() + "-" + i, "360 VIL", "Salle", null));
        }
        return catalogue.get(r.id());
    }

    private static RecordFields fields(String title, String type, List<String> subjects) {
        return new RecordFields(title, null, List.of("Ville caraïbe"), null, "2026", type, "fr", null, subjects,
                List.of(), null, AccessLevel.PUBLIC);
    }

    private static String barcode(Record r) {
        return r.copies().get(0).barcode();
    }

    private static void request(TestHttp member, List<String> concepts) {
        TestHttp.Response r = member.post("/api/requests", Map.of("subject", "Références", "description",
                "Des références pour le rapport", "concepts", concepts, "expected", List.of("references")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static long members(JsonNode report, String axis, String category) {
        JsonNode v = report.get("members").get(axis).get(category);
        return v == null ? 0 : v.asLong();
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(properties.zone());
    }

    /** One section of two reports: a figure's growth between them, absent keys counting as zero. */
    private record Diff(JsonNode before, JsonNode after, String section) {

        long of(String field) {
            return after.get(section).get(field).asLong() - before.get(section).get(field).asLong();
        }

        long of(String map, String key) {
            return value(after, map, key) - value(before, map, key);
        }

        private long value(JsonNode report, String map, String key) {
            JsonNode v = report.get(section).get(map).get(key);
            return v == null ? 0 : v.asLong();
        }
    }
}
