package org.lakou.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Near-duplicates through the real pipeline: PDFs made here, parsed by the Tika workers, checked
 * against every record of the shared context. Each test has texts of its own (seeds no other test
 * uses), so the records other tests leave behind cannot match them.
 */
class NearDuplicatesHttpTest extends IntegrationTestBase {

    @TempDir
    Path tmp;

    @Test
    void theSameTextInTwoPdfsWithDifferentFontsIsFlagged() throws IOException {
        List<String> pages = FrenchReports.report(1001, 6);
        JsonNode first = upload(FrenchReports.pdf(tmp.resolve("helvetica.pdf"), "Bilan 2018", pages, FontName.HELVETICA));
        JsonNode second = upload(FrenchReports.pdf(tmp.resolve("times.pdf"), "Bilan 2018 (copie)", pages,
                FontName.TIMES_ROMAN));
        String firstId = id(first);

        JsonNode match = find(second.get("nearDuplicates"), firstId);
        assertThat(match).as(second.toString()).isNotNull();
        assertThat(match.get("title").asString()).isEqualTo("Bilan 2018");
        assertThat(match.get("similarity").asDouble()).isGreaterThanOrEqualTo(0.95);
        // and the older record learns of the newer one
        assertThat(find(documentalist().get("/api/records/" + firstId).json().get("nearDuplicates"), id(second)))
                .isNotNull();
    }

    @Test
    void aTextWithOneChangedPageIsFlagged() throws IOException {
        List<String> pages = FrenchReports.report(2001, 15);
        List<String> corrected = new ArrayList<>(pages);
        corrected.set(8, FrenchReports.report(2002, 1).get(0));
        JsonNode v1 = upload(FrenchReports.pdf(tmp.resolve("v1.pdf"), "Diagnostic territorial", pages,
                FontName.HELVETICA));
        JsonNode v2 = upload(FrenchReports.pdf(tmp.resolve("v2.pdf"), "Diagnostic territorial v2", corrected,
                FontName.HELVETICA));

        JsonNode match = find(v2.get("nearDuplicates"), id(v1));
        assertThat(match).as(v2.toString()).isNotNull();
        assertThat(match.get("similarity").asDouble()).isBetween(0.8, 0.99);
    }

    @Test
    void twoDifferentReportsOfTheSameCentreAreNot() throws IOException {
        JsonNode y2019 = upload(FrenchReports.pdf(tmp.resolve("2019.pdf"), "Rapport d'activité 2019",
                FrenchReports.report(3001, 8), FontName.HELVETICA));
        JsonNode y2020 = upload(FrenchReports.pdf(tmp.resolve("2020.pdf"), "Rapport d'activité 2020",
                FrenchReports.report(3002, 8), FontName.HELVETICA));

        assertThat(y2020.get("textLength").asLong()).isGreaterThan(5000);
        assertThat(find(y2020.get("nearDuplicates"), id(y2019))).as(y2020.toString()).isNull();
        assertThat(find(documentalist().get("/api/records/" + id(y2019)).json().get("nearDuplicates"), id(y2020)))
                .isNull();
    }

    @Test
    void withdrawnAndDeletedRecordsAreNoLongerShown() throws IOException {
        List<String> pages = FrenchReports.report(4001, 5);
        String a = id(upload(FrenchReports.pdf(tmp.resolve("a.pdf"), "A", pages, FontName.HELVETICA)));
        String b = id(upload(FrenchReports.pdf(tmp.resolve("b.pdf"), "B", pages, FontName.COURIER)));
        String c = id(upload(FrenchReports.pdf(tmp.resolve("c.pdf"), "C", pages, FontName.TIMES_BOLD)));
        TestHttp staff = documentalist();
        assertThat(ids(staff.get("/api/records/" + c).json())).contains(a, b);

        assertThat(staff.post("/api/records/" + a + "/withdraw", null).status()).isEqualTo(200);
        assertThat(staff.delete("/api/records/" + b).status()).isEqualTo(204);

        assertThat(ids(staff.get("/api/records/" + c).json())).doesNotContain(a, b);
        // a fourth copy is compared with the live ones only
        JsonNode d = upload(FrenchReports.pdf(tmp.resolve("d.pdf"), "D", pages, FontName.HELVETICA_OBLIQUE));
        assertThat(ids(d)).contains(c).doesNotContain(a, b);
    }

    @Test
    void readersDoNotSeeTheField() throws IOException {
        List<String> pages = FrenchReports.report(5001, 4);
        upload(FrenchReports.pdf(tmp.resolve("r1.pdf"), "Lettre", pages, FontName.HELVETICA));
        String id = id(upload(FrenchReports.pdf(tmp.resolve("r2.pdf"), "Lettre bis", pages, FontName.COURIER)));
        assertThat(documentalist().post("/api/records/" + id + "/publish", null).status()).isEqualTo(200);

        JsonNode staffView = documentalist().get("/api/records/" + id).json();
        assertThat(staffView.get("nearDuplicates").size()).isPositive();
        assertThat(staffView.get("title").asString()).isEqualTo("Lettre bis");
        JsonNode publicView = anonymous().get("/api/records/" + id).json();
        assertThat(publicView.get("title").asString()).isEqualTo("Lettre bis");
        assertThat(publicView.has("nearDuplicates")).isFalse();
    }

    private JsonNode upload(Path file) {
        TestHttp.Response r = documentalist().upload("/api/ingest", "file", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** The record id of an ingest answer. */
    private static String id(JsonNode answer) {
        return answer.get("record").get("id").asString();
    }

    private static List<String> ids(JsonNode withNearDuplicates) {
        return withNearDuplicates.get("nearDuplicates").findValuesAsString("id");
    }

    private static JsonNode find(JsonNode nearDuplicates, String id) {
        for (JsonNode n : nearDuplicates) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        return null;
    }
}
