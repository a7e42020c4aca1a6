package org.lakou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberProfile;
import org.lakou.members.NewMember;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The activity report is kept between requests (building it scans the records, loans and
 * requests); each kind of change it reads must show in the very next report, with no wait. Every
 * step reads the report twice first, so the second read is the kept one.
 */
class ReportFreshnessTest extends IntegrationTestBase {

    private static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    private static final String SANTE = LKT + "sante";

    @Autowired
    CatalogueApi catalogue;

    @Test
    void eachChangeTheReportReadsShowsInTheNextReport() {
        TestHttp desk = documentalist();
        String token = Long.toString(System.nanoTime());

        JsonNode before = kept(desk);
        Record record = catalogue.create(fields("Fraîcheur " + token, List.of(LKT + "mediation-sociale")));
        catalogue.publish(record.id());
        catalogue.addCopy(record.id(), new Copy("FR-" + token, "360 FRA", "Salle", null));
        JsonNode published = desk.get("/api/stats/report").json();
        assertThat(total(published, "acquisitions")).isEqualTo(total(before, "acquisitions") + 1);

        kept(desk);
        Record r = catalogue.get(record.id());
        catalogue.update(r.id(), r.version(), fields(r.title(), List.of(SANTE)));
        JsonNode retagged = desk.get("/api/stats/report").json();
        assertThat(count(retagged, "acquisitions", "byTheme", SANTE))
                .isEqualTo(count(published, "acquisitions", "byTheme", SANTE) + 1);

        Member state = memberApi.create(new NewMember("fraicheur-" + token + "@adherents.test", "Agent " + token,
                "Préfecture", MemberCategory.ETAT, null, PASSWORD));
        JsonNode joined = kept(desk);
        assertThat(desk.post("/api/loans", Map.of("barcode", "FR-" + token, "memberId", state.id())).status())
                .isEqualTo(201);
        JsonNode lent = desk.get("/api/stats/report").json();
        assertThat(total(lent, "loans")).isEqualTo(total(joined, "loans") + 1);

        kept(desk);
        assertThat(desk.post("/api/loans/return", Map.of("barcode", "FR-" + token)).status()).isEqualTo(200);
        assertThat(member().post("/api/requests", Map.of("subject", "Références " + token, "description",
                "Pour le rapport", "expected", List.of("references"))).status()).isEqualTo(201);
        JsonNode asked = desk.get("/api/stats/report").json();
        assertThat(total(asked, "requests")).isEqualTo(total(lent, "requests") + 1);

        kept(desk);
        memberApi.update(state.id(), new MemberProfile(state.email(), state.name(), "Collectivité",
                MemberCategory.COLLECTIVITE));
        JsonNode moved = desk.get("/api/stats/report").json();
        assertThat(active(moved, "etat")).isEqualTo(active(asked, "etat") - 1);
        assertThat(active(moved, "collectivite")).isEqualTo(active(asked, "collectivite") + 1);
    }

    /** Two reads: the second comes from the cache, which the next change must drop. */
    private static JsonNode kept(TestHttp desk) {
        desk.get("/api/stats/report").json();
        return desk.get("/api/stats/report").json();
    }

    private static long total(JsonNode report, String section) {
        return report.get(section).get("total").asLong();
    }

    private static long count(JsonNode report, String section, String map, String key) {
        JsonNode v = report.get(section).get(map).get(key);
        return v == null ? 0 : v.asLong();
    }

    private static long active(JsonNode report, String category) {
        JsonNode v = report.get("members").get("active").get(category);
        return v == null ? 0 : v.asLong();
    }

    private static RecordFields fields(String title, List<String> subjects) {
        return new RecordFields(title, null, List.of("Ville caraïbe"), null, "2026", "étude", "fr", null, subjects,
                List.of(), null, AccessLevel.PUBLIC);
    }
}
