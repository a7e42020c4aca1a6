package org.lakou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.TestFiles;
import org.lakou.search.SearchApi;
import org.lakou.search.SubjectSuggester;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foundation's promise, over HTTP: an uploaded PDF becomes a draft with subjects suggested
 * from the thesaurus, and once published it is found by a word of its body; a corrupt file gets a
 * clear 422 and is kept in quarantine.
 */
class EndToEndTest extends IntegrationTestBase {

    @Autowired
    SearchApi search;

    @Autowired
    SubjectSuggester suggester;

    @Test
    void uploadPublishFind(@TempDir Path dir) throws Exception {
        // a word no other test uses, even after French stemming
        String word = "xylofrite" + new java.util.Random().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Path pdf = TestFiles.textPdf(dir.resolve("mediation.pdf"), "La médiation sociale en milieu scolaire",
                "Ville caraïbe", List.of("Les médiateurs sociaux interviennent dans les collèges de Fort-de-France. "
                        + "La médiation sociale en milieu scolaire prévient le décrochage scolaire. " + word));
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
        TestHttp http = new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD);

        TestHttp.Response created = http.upload("/api/ingest", "file", pdf);
        assertThat(created.status()).isEqualTo(201);
        var body = created.json();
        String id = body.get("record").get("id").asString();
        assertThat(body.get("record").get("status").asString()).isEqualTo("draft");
        assertThat(body.get("suggestionsAvailable").asBoolean()).isTrue();
        List<String> labels = body.get("suggestions").valueStream().map(s -> s.get("label").asString()).toList();
        assertThat(labels).anyMatch(l -> l.toLowerCase().contains("médiation"));

        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(hits(http, word)).as("a draft is not public").isZero();

        assertThat(http.post("/api/records/" + id + "/publish", "").status()).isEqualTo(200);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(hits(http, word)).isEqualTo(1);
    }

    @Test
    void aCorruptFileGetsAClear422(@TempDir Path dir) throws Exception {
        Path fake = TestFiles.randomBytes(dir.resolve("rapport.pdf"), 4096);
        TestHttp.Response answer = new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD).upload("/api/ingest", "file", fake);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("reason").asString()).isEqualTo("corrupt");
        assertThat(answer.json().get("quarantineId").asString()).isNotBlank();
        assertThat(Files.size(fake)).isEqualTo(4096);
    }

    private static int hits(TestHttp http, String word) {
        return http.get("/api/search?q=" + word).json().get("total").asInt();
    }
}
