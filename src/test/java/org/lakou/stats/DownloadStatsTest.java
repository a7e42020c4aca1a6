package org.lakou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.ingest.TestFiles;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Downloads over HTTP on the real stack are counted by month, by member category (anonymous and
 * staff apart) and by record; a revalidation answered 304 is not a download. Other tests download
 * too, so the figures are read as differences.
 */
class DownloadStatsTest extends IntegrationTestBase {

    @TempDir
    Path tmp;

    @Autowired
    StatsProperties properties;

    @Test
    void downloadsAreCountedByMonthCategoryAndRecord() throws IOException {
        String title = "Guide de la gestion urbaine de proximité " + TestFiles.token();
        Path pdf = TestFiles.textPdf(tmp.resolve("gup.pdf"), title, "Ville caraïbe", List.of(TestFiles.FRENCH));
        TestHttp staff = documentalist();
        JsonNode record = staff.upload("/api/ingest", "file", pdf).json().get("record");
        String id = record.get("id").asString();
        String fileId = record.get("files").get(0).get("id").asString();
        assertThat(staff.post("/api/records/" + id + "/publish", null).status()).isEqualTo(200);
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        JsonNode before = report(staff, "");

        String file = "/api/records/" + id + "/files/" + fileId;
        assertThat(anonymous().bytes(file)).hasSize((int) Files.size(pdf));
        assertThat(anonymous().bytes(file)).hasSize((int) Files.size(pdf));
        assertThat(member().bytes(file)).hasSize((int) Files.size(pdf));
        assertThat(staff.bytes(file)).hasSize((int) Files.size(pdf));
        TestHttp.Response revalidated = anonymous().send(HttpRequest.newBuilder(anonymous().uri(file)).GET(),
                Map.of("If-None-Match", "\"" + fileId + "\""));
        assertThat(revalidated.status()).isEqualTo(304);

        JsonNode after = report(staff, "?year=" + now.getYear());
        assertThat(after.get("year").asInt()).isEqualTo(now.getYear());
        assertThat(count(after, "total") - count(before, "total")).isEqualTo(4);
        String month = String.valueOf(now.getMonthValue());
        assertThat(count(after.get("byMonth"), month) - count(before.get("byMonth"), month)).isEqualTo(4);
        assertThat(after.get("byMonth").size()).isEqualTo(12);
        String category = memberApi.findByEmail(MEMBER).orElseThrow().category().code();
        assertThat(count(after.get("byCategory"), "anonymous") - count(before.get("byCategory"), "anonymous"))
                .isEqualTo(2);
        assertThat(count(after.get("byCategory"), category) - count(before.get("byCategory"), category))
                .isEqualTo(1);
        assertThat(count(after.get("byCategory"), "staff") - count(before.get("byCategory"), "staff")).isEqualTo(1);
        JsonNode mine = after.get("topRecords").valueStream().filter(r -> r.get("recordId").asString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("not among the top records: " + after));
        assertThat(mine.get("title").asString()).isEqualTo(title);
        assertThat(mine.get("downloads").asLong()).isEqualTo(4);
    }

    @Test
    void theReportIsForStaffAndChecksTheYear() {
        assertThat(anonymous().get("/api/stats/downloads").status()).isEqualTo(401);
        assertThat(member().get("/api/stats/downloads").status()).isEqualTo(403);
        TestHttp.Response bad = documentalist().get("/api/stats/downloads?year=1850");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("year").asInt()).isEqualTo(1850);
        assertThat(documentalist().get("/api/stats/downloads?year=2001").json().get("total").asLong()).isZero();
    }

    private static JsonNode report(TestHttp staff, String query) {
        TestHttp.Response r = staff.get("/api/stats/downloads" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long count(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? 0 : v.asLong();
    }
}
