package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every document of the real third-party corpus ({@code ../shared/data/docs}) through the HTTP
 * upload, against {@code corpus-phrases.tsv}: what each file really becomes, and a phrase its
 * stored text must contain. Bomb-like files must end within the parse timeout and leave the server
 * healthy; no answer may ever be a 5xx.
 */
class IngestCorpusTest extends IntegrationTestBase {

    private static final Path CORPUS = Path.of("../shared/data/docs");

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    IngestProperties properties;

    @Autowired
    org.lakou.ingest.internal.Ingestor ingestor;

    @Autowired
    org.lakou.ingest.internal.OcrSupport ocrSupport;

    private record Expectation(String expected, String phrase) {
    }

    @Test
    void everyCorpusFileEndsAsExpected() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/data/docs not present: corpus tests skipped");
        Map<String, Expectation> table = table();
        TreeSet<String> present = new TreeSet<>();
        try (var files = Files.walk(CORPUS)) {
            files.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.contains("/")).forEach(present::add);
        }
        assertThat(present).as("the table and the corpus list the same files").isEqualTo(new TreeSet<>(table.keySet()));

        // with OCR, a scan's pages add to the parse: the worker's own hard limit is the bound, and the
        // client must wait that long
        Duration bound = ingestor.defaults().hardLimit().plusSeconds(30);
        TestHttp http = new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD).timeout(bound.plusSeconds(30));
        boolean ocr = ocrSupport.state().available();
        SoftAssertions soft = new SoftAssertions();
        for (var row : table.entrySet()) {
            String path = row.getKey();
            Expectation e = row.getValue();
            long started = System.nanoTime();
            TestHttp.Response a = http.upload("/api/ingest", "file", CORPUS.resolve(path));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            soft.assertThat(a.status()).as(path + " never a 5xx: " + a.body()).isLessThan(500);
            soft.assertThat(took).as(path + " ends within the parse timeout").isLessThan(bound);
            JsonNode body = a.json();
            if (e.expected().startsWith("quarantine:")) {
                soft.assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(422);
                soft.assertThat(body.path("reason").asString()).as(path + " reason")
                        .isEqualTo(e.expected().substring("quarantine:".length()));
                continue;
            }
            soft.assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(201);
            if (a.status() != 201) {
                continue;
            }
            if (e.expected().equals("ocr") && ocr) {
                soft.assertThat(body.get("textStatus").asString()).as(path + " textStatus").isEqualTo("ocr");
                String text = normalize(catalogue.fullText(body.get("record").get("id").asString()));
                soft.assertThat(text).as(path + " OCR text").contains(normalize(e.phrase()));
                continue;
            }
            if (e.expected().equals("none") || e.expected().equals("ocr")) {
                soft.assertThat(body.get("textStatus").asString()).as(path + " textStatus").isEqualTo("none");
                continue;
            }
            soft.assertThat(body.get("textStatus").asString()).as(path + " textStatus").isEqualTo("extracted");
            soft.assertThat(body.get("truncated").asBoolean()).as(path + " truncated")
                    .isEqualTo(e.expected().equals("record-truncated"));
            String text = normalize(catalogue.fullText(body.get("record").get("id").asString()));
            soft.assertThat(text).as(path + " stored text").contains(normalize(e.phrase()));
        }

        TestHttp.Response health = http.get("/actuator/health");
        soft.assertThat(health.status()).as("health after the corpus: " + health.body()).isEqualTo(200);
        soft.assertThat(health.json().path("status").asString()).isEqualTo("UP");
        soft.assertAll();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static Map<String, Expectation> table() throws IOException {
        Map<String, Expectation> table = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/corpus-phrases.tsv"));
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            table.put(cols[0], new Expectation(cols[1], cols.length > 2 ? cols[2] : ""));
        }
        return table;
    }
}
