package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.FileStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Uploaded files never run as pages of Lakou's origin: a type outside the short safe list (HTML,
 * SVG, ...) is served as an attachment, what is shown inline is sandboxed, and nothing is sniffed.
 * The name sent back is the file's base name only, RFC 6266 encoded with an ASCII fallback.
 */
class FileServingTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    FileStore store;

    @TempDir
    Path tmp;

    /** Uploads as staff, publishes the draft and returns the download path of its file. */
    private String published(String name, byte[] bytes) {
        Response up = documentalist().upload("/api/ingest", "file", name, () -> new ByteArrayInputStream(bytes));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode record = up.json().get("record");
        String id = record.get("id").asString();
        catalogue.publish(id);
        return "/api/records/" + id + "/files/" + record.get("files").get(0).get("id").asString();
    }

    private static void assertAttachment(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).startsWith("attachment;");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void htmlAndSvgAreAttachmentsNeverPages() {
        String token = TestFiles.token();
        String html = "<html><head><title>Piège " + token + "</title></head><body><p>Texte " + token
                + "</p><script>fetch('/api/members/me')</script></body></html>";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert('" + token
                + "')</script><text x=\"1\" y=\"9\">" + token + "</text></svg>";

        Response h = anonymous().get(published("piege-" + token + ".html", html.getBytes(StandardCharsets.UTF_8)));
        assertAttachment(h);
        assertThat(h.body()).contains(token);
        Response s = anonymous().get(published("piege-" + token + ".svg", svg.getBytes(StandardCharsets.UTF_8)));
        assertAttachment(s);
    }

    @Test
    void aPdfIsShownInlineInASandbox() throws IOException {
        Path pdf = TestFiles.textPdf(tmp.resolve("guide.pdf"), "Guide " + TestFiles.token(), "A. Auteur",
                List.of(TestFiles.FRENCH));
        Response r = anonymous().get(published("guide.pdf", Files.readAllBytes(pdf)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/pdf");
        assertThat(r.header("Content-Disposition")).startsWith("inline;");
        assertThat(r.header("Content-Security-Policy")).startsWith("sandbox");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aRecordFileKeepsOnlyItsBaseName() throws IOException {
        String token = TestFiles.token();
        Path file = Files.writeString(tmp.resolve("note.txt"), "Note " + token);
        String sha = TestFiles.sha256(file);
        store.store(file, sha, "x.txt", "text/plain");
        FileRef ref = new FileRef(sha, "..\\..\\Windows\\../../tmp/Évaluation été.txt", "text/plain",
                Files.size(file), null, 0, false, TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(new RecordFields("Évaluation " + token, null, List.of(), null, null,
                null, "fr", null, List.of(), List.of(), null, AccessLevel.PUBLIC), ref, "Note " + token);
        catalogue.publish(r.id());

        Response got = anonymous().get("/api/records/" + r.id() + "/files/" + sha);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"Evaluation ete.txt\"; filename*=UTF-8''%C3%89valuation%20%C3%A9t%C3%A9.txt");
    }

    @Test
    void aRequestFileUploadedWithAPathComesBackUnderItsBaseName() {
        Response submitted = member().post("/api/requests", Map.of("subject", "Évaluations",
                "description", "Les évaluations", "expected", List.of("references")));
        String id = submitted.json().get("id").asString();
        TestHttp desk = documentalist();
        desk.post("/api/requests/" + id + "/accept", Map.of());
        Response attached = desk.upload("/api/requests/" + id + "/files", "file", "../../../../tmp/Évaluation été.txt",
                () -> new ByteArrayInputStream("Décret".getBytes(StandardCharsets.UTF_8)));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        String fileId = attached.json().get("id").asString();

        Response got = member().get("/api/requests/" + id + "/files/" + fileId);
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Evaluation ete.txt\"; filename*=UTF-8''%C3%89valuation%20%C3%A9t%C3%A9.txt");
        assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
