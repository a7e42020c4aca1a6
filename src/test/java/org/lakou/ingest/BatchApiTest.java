package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import tools.jackson.databind.JsonNode;

/** The batch endpoints: a server-side folder, several uploaded parts, and the job resources. */
class BatchApiTest extends IntegrationTestBase {

    @TempDir
    Path tmp;

    private TestHttp http() {
        return new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD);
    }

    @Test
    void aServerFolderIsImportedAsAJob() throws IOException {
        Path dir = Files.createDirectories(IMPORT_ROOT.resolve("depot-" + System.nanoTime()));
        TestFiles.textPdf(dir.resolve("a.pdf"), "A " + TestFiles.token(), "X", List.of(TestFiles.FRENCH));
        Files.createDirectories(dir.resolve("sous-dossier"));
        TestFiles.textPdf(dir.resolve("sous-dossier/b.pdf"), "B " + TestFiles.token(), "Y", List.of(TestFiles.FRENCH));
        TestFiles.randomBytes(dir.resolve("casse.pdf"), 2000);
        Files.writeString(dir.resolve(".cache"), "hidden");

        TestHttp.Response a = http().post("/api/ingest/batch",
                "{\"directory\": " + TestHttp.toJson(dir.toString()) + "}");

        assertThat(a.status()).as(a.body()).isEqualTo(202);
        String id = a.json().get("id").asString();
        assertThat(a.header("Location")).isEqualTo(baseUrl() + "/api/ingest/jobs/" + id);
        JsonNode job = awaitDone(id);
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("quarantined").get("corrupt").asInt()).isEqualTo(1);
        assertThat(job.get("finished").isNull()).isFalse();
        assertThat(http().get("/api/ingest/jobs").json().valueStream().map(j -> j.get("id").asString()))
                .contains(id);
    }

    @Test
    void severalUploadedFilesAreImportedAsAJob() throws IOException {
        Path a = TestFiles.textPdf(tmp.resolve("un.pdf"), "Un " + TestFiles.token(), "X", List.of(TestFiles.FRENCH));
        Path b = TestFiles.textPdf(tmp.resolve("deux.pdf"), "Deux " + TestFiles.token(), "X", List.of(TestFiles.FRENCH));

        TestHttp.Response answer = http().uploadAll("/api/ingest/batch", "files", List.of(a, b, a));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode job = awaitDone(answer.json().get("id").asString());
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingOrRelativeFolderIs400() {
        for (String dir : List.of(IMPORT_ROOT + "/no/such/folder", "relative/path", "")) {
            TestHttp.Response a = http().post("/api/ingest/batch", "{\"directory\": \"" + dir + "\"}");
            assertThat(a.status()).as(dir + ": " + a.body()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/ingest/jobs/unknown").status()).isEqualTo(404);
    }

    private JsonNode awaitDone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = http().get("/api/ingest/jobs/" + id).json();
            if (!"RUNNING".equals(job.get("state").asString())) {
                assertThat(job.get("state").asString()).isEqualTo("DONE");
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }
}
