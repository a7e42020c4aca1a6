package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The upload, quarantine and download endpoints, over real HTTP, real workers and the embedded Mongo. */
class IngestHttpTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @TempDir
    Path tmp;

    private TestHttp http() {
        return new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD);
    }

    @Test
    void uploadCreatesADraftWithPrefilledMetadata() throws IOException {
        String title = "Rapport d'activité 2011 " + TestFiles.token();
        Path pdf = TestFiles.textPdf(tmp.resolve("rapport.pdf"), title, "Marie Dupont; Jean Martin",
                List.of(TestFiles.FRENCH, "Deuxième page : " + TestFiles.FRENCH));

        TestHttp.Response a = http().upload("/api/ingest", "file", pdf);

        assertThat(a.status()).as(a.body()).isEqualTo(201);
        JsonNode body = a.json();
        JsonNode record = body.get("record");
        assertThat(a.header("Location")).isEqualTo(baseUrl() + "/api/records/" + record.get("id").asString());
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        assertThat(body.get("textStatus").asString()).isEqualTo("extracted");
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(body.get("textLength").asLong()).isGreaterThan(300);
        assertThat(record.get("title").asString()).isEqualTo(title);
        assertThat(record.get("creators").valueStream().map(JsonNode::asString))
                .containsExactly("Marie Dupont", "Jean Martin");
        assertThat(record.get("language").asString()).isEqualTo("fr");
        assertThat(record.get("date").asString()).isEqualTo("2011-03-14");
        assertThat(record.get("status").asString()).isEqualTo("draft");
        assertThat(record.get("accessLevel").asString()).isEqualTo("public");
        assertThat(record.get("type").isNull()).isTrue();
        JsonNode file = record.get("files").get(0);
        assertThat(file.get("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("pages").asInt()).isEqualTo(2);
        assertThat(file.get("size").asLong()).isEqualTo(Files.size(pdf));
        assertThat(file.get("name").asString()).isEqualTo("rapport.pdf");
        assertThat(catalogue.fullText(record.get("id").asString())).contains("médiation sociale", "Deuxième page");
    }

    @Test
    void theSameBytesTwiceGiveTheExistingRecord() throws IOException {
        Path html = Path.of("src/test/resources/fixtures/quartiers-prioritaires.html");

        TestHttp.Response first = http().upload("/api/ingest", "file", html);
        TestHttp.Response second = http().upload("/api/ingest", "file", html);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode record = first.json().get("record");
        assertThat(record.get("title").asString()).isEqualTo("Quartiers prioritaires : bilan des actions 2010");
        assertThat(record.get("creators").valueStream().map(JsonNode::asString))
                .containsExactly("Centre de ressources Ville Caraïbe", "Marie-Josée Lafleur");
        assertThat(record.get("language").asString()).isEqualTo("fr");
        assertThat(record.get("date").asString()).isEqualTo("2010-11-04");
        assertThat(record.get("files").get(0).get("mimeType").asString()).isEqualTo("text/html");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(second.json().get("record").get("id").asString()).isEqualTo(record.get("id").asString());
        assertThat(second.json().get("textLength").asLong()).isEqualTo(first.json().get("textLength").asLong());
        String sha = record.get("files").get(0).get("id").asString();
        List<Record> holders = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            List<Record> batch = catalogue.list(RecordStatus.DRAFT, page, 200);
            batch.stream().filter(r -> r.files().stream().anyMatch(f -> f.id().equals(sha))).forEach(holders::add);
            if (batch.size() < 200) {
                break;
            }
        }
        assertThat(holders).hasSize(1);
    }

    @Test
    void unreadableFilesAreQuarantinedAndKept() throws IOException {
        Path fake = TestFiles.randomBytes(tmp.resolve("faux rapport.pdf"), 4096);
        Path locked = TestFiles.encryptedPdf(tmp.resolve("confidentiel.pdf"));
        Path empty = Files.write(tmp.resolve("vide-" + TestFiles.token() + ".docx"), new byte[0]);

        JsonNode corrupt = quarantined(fake, "corrupt");
        JsonNode encrypted = quarantined(locked, "encrypted");
        JsonNode nothing = quarantined(empty, "corrupt");
        assertThat(nothing.get("detail").asString()).contains("empty");

        // the same bytes again: the same entry
        assertThat(quarantined(fake, "corrupt").get("quarantineId").asString())
                .isEqualTo(corrupt.get("quarantineId").asString());

        TestHttp.Response list = http().get("/api/ingest/quarantine");
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = list.json().valueStream().map(e -> e.get("id").asString()).toList();
        assertThat(ids).containsSubsequence(nothing.get("quarantineId").asString(),
                encrypted.get("quarantineId").asString(), corrupt.get("quarantineId").asString());

        for (var c : List.of(new Object[] {corrupt, fake}, new Object[] {encrypted, locked})) {
            String id = ((JsonNode) c[0]).get("quarantineId").asString();
            JsonNode entry = http().get("/api/ingest/quarantine/" + id).json();
            assertThat(entry.get("sha256").asString()).isEqualTo(id);
            assertThat(entry.get("fileName").asString()).isEqualTo(((Path) c[1]).getFileName().toString());
            assertThat(entry.get("fileKept").asBoolean()).isTrue();
            assertThat(entry.get("detectedType").asString()).isEqualTo("application/pdf");
            assertThat(http().bytes("/api/ingest/quarantine/" + id + "/file")).isEqualTo(Files.readAllBytes((Path) c[1]));
        }
        assertThat(http().get("/api/ingest/quarantine/nope").status()).isEqualTo(404);
    }

    private JsonNode quarantined(Path file, String reason) throws IOException {
        TestHttp.Response a = http().upload("/api/ingest", "file", file);
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        JsonNode problem = a.json();
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("quarantineId").asString()).isNotBlank();
        return problem;
    }

    @Test
    void aRecordsFileIsServedAsStoredAndOnlyWhenPublic() throws IOException {
        Path pdf = TestFiles.textPdf(tmp.resolve("Étude été 2011.pdf"), "Étude " + TestFiles.token(), "A. Auteur",
                List.of(TestFiles.FRENCH));
        JsonNode record = http().upload("/api/ingest", "file", pdf).json().get("record");
        String id = record.get("id").asString();
        String sha = record.get("files").get(0).get("id").asString();
        String url = "/api/records/" + id + "/files/" + sha;

        TestHttp.Response head = http().get(url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo("application/pdf");
        assertThat(head.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(head.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"Etude ete 2011.pdf\"; filename*=UTF-8''%C3%89tude%20%C3%A9t%C3%A9%202011.pdf");
        assertThat(http().bytes(url)).isEqualTo(Files.readAllBytes(pdf));

        TestHttp.Response wrongFile = http().get("/api/records/" + id + "/files/" + "0".repeat(64));
        assertThat(wrongFile.status()).isEqualTo(404);
        assertThat(wrongFile.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/api/records/nope/files/" + sha).status()).isEqualTo(404);

        Record r = catalogue.get(id);
        var fields = r.fields();
        catalogue.update(id, r.version(), new org.lakou.catalogue.RecordFields(fields.title(), null, fields.creators(),
                null, fields.date(), null, fields.language(), null, null, null, null, AccessLevel.MEMBERS));
        assertThat(http().get(url).status()).as("staff read a draft's files").isEqualTo(200);
        TestHttp anonymous = new TestHttp(baseUrl());
        assertThat(anonymous.get(url).status()).as("a draft's files do not exist for the public").isEqualTo(404);
        catalogue.publish(id);
        TestHttp.Response unauthenticated = anonymous.get(url);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        TestHttp member = new TestHttp(baseUrl()).as(MEMBER, PASSWORD);
        assertThat(member.get(url).status()).as("members files for members").isEqualTo(200);
        Record published = catalogue.get(id);
        var f2 = published.fields();
        catalogue.update(id, published.version(), new org.lakou.catalogue.RecordFields(f2.title(), null,
                f2.creators(), null, f2.date(), null, f2.language(), null, null, null, null, AccessLevel.STAFF));
        TestHttp.Response hidden = member.get(url);
        assertThat(hidden.status()).as("a staff-only record does not exist for members, nor its files").isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(http().get(url).status()).isEqualTo(200);
    }

    @Test
    void anUploadOverTheLimitIs413() {
        long limit = 100L * 1024 * 1024;
        TestHttp.Response a = http().upload("/api/ingest", "file", "huge.pdf", () -> TestFiles.zeros(limit + 1));

        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("reason").asString()).isEqualTo("too-large");
    }

    @Test
    void aRequestWithoutTheFilePartIs400() {
        TestHttp.Response wrongPart = http().upload("/api/ingest", "document", "x.txt",
                () -> new java.io.ByteArrayInputStream("bonjour".getBytes()));
        assertThat(wrongPart.status()).as(wrongPart.body()).isEqualTo(400);
        assertThat(wrongPart.contentType()).startsWith("application/problem+json");

        TestHttp.Response notMultipart = http().post("/api/ingest", "{}");
        assertThat(notMultipart.status()).isBetween(400, 499);
    }
}
