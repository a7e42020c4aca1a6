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

/**
 * A folder import asked over HTTP reads only inside {@code lakou.ingest.import-roots}: no path
 * outside, no {@code ..} out, no link out, no special file; and its job always ends with every
 * entry of the folder accounted for.
 */
class BatchConfinementTest extends IntegrationTestBase {

    @TempDir
    Path outside;

    private TestHttp http() {
        return documentalist();
    }

    private TestHttp.Response importFolder(String directory) {
        return http().post("/api/ingest/batch", "{\"directory\": " + TestHttp.toJson(directory) + "}");
    }

    private static void assertForbidden(TestHttp.Response r, String why) {
        assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("reason").asString()).isEqualTo("outside-import-roots");
    }

    @Test
    void foldersOutsideTheImportRootsAreRefused() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "mot de passe de la base " + TestFiles.token());
        assertForbidden(importFolder(outside.toString()), "a folder elsewhere");
        assertForbidden(importFolder("/etc"), "a system folder");
        assertForbidden(importFolder("/proc/self"), "a pseudo file system");
        assertForbidden(importFolder(IMPORT_ROOT + "/../" + DATA_DIR.getFileName()), "'..' out of the root");
        assertForbidden(importFolder(IMPORT_ROOT + "/../../../../../../../../etc"), "'..' to the top");

        Path link = IMPORT_ROOT.resolve("lien-" + System.nanoTime());
        Files.createSymbolicLink(link, outside);
        assertForbidden(importFolder(link.toString()), "a link inside the root to a folder outside it");
        assertForbidden(importFolder(link + "/."), "the same link, written as its content");
    }

    @Test
    void linksAndSpecialFilesInsideARootAreSkippedAndTheJobEnds() throws Exception {
        String secret = "mot de passe " + TestFiles.token();
        Path secretFile = Files.writeString(outside.resolve("secret.txt"), secret);
        Path dir = Files.createDirectories(IMPORT_ROOT.resolve("depot-" + System.nanoTime()));
        TestFiles.textPdf(dir.resolve("rapport.pdf"), "Rapport " + TestFiles.token(), "X", List.of(TestFiles.FRENCH));
        Files.createSymbolicLink(dir.resolve("secret.txt"), secretFile);
        Files.createSymbolicLink(dir.resolve("environ.txt"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(dir.resolve("dehors"), outside);
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("tube").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        TestHttp.Response started = importFolder(dir.toString());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitEnd(started.json().get("id").asString());

        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("total").asInt()).isEqualTo(5);
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(job.get("skipped").get("link").asInt()).as("three links, never followed").isEqualTo(3);
        assertThat(job.get("skipped").get("special").asInt()).as("the FIFO, never opened").isEqualTo(1);
        assertThat(processed(job)).as("every entry accounted for").isEqualTo(job.get("total").asInt());
        assertThat(anonymous().get("/api/search?q=" + secret.substring(secret.lastIndexOf(' ') + 1)).body())
                .doesNotContain("secret.txt");
    }

    private static int processed(JsonNode job) {
        int n = job.get("imported").asInt() + job.get("duplicates").asInt() + job.get("skippedTooLarge").asInt()
                + job.get("failed").asInt();
        n += job.get("quarantined").valueStream().mapToInt(JsonNode::asInt).sum();
        return n + job.get("skipped").valueStream().mapToInt(JsonNode::asInt).sum();
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = http().get("/api/ingest/jobs/" + id).json();
            if (!"RUNNING".equals(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " still RUNNING after 90 s");
    }
}
