package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.IngestOutcome.Status;
import org.lakou.ingest.internal.Ingestor;
import org.lakou.ingest.internal.OcrSupport;
import org.lakou.search.SearchApi;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A scan made in the test goes in through the API, comes out as OCR text, and is found by search. */
class OcrIngestTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Autowired
    Ingestor ingestor;

    @Autowired
    OcrSupport ocr;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tesseractPresent() {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract with French data is not installed");
    }

    @Test
    void aScannedPdfGetsOcrTextThatSearchFinds() {
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        Path pdf = scan("rapport-scanne.pdf", List.of(
                List.of("Rapport d'activité de la médiation sociale", "Dossier numéro " + number,
                        "Les habitants des quartiers ont participé aux ateliers."),
                List.of("Deuxième partie : l'éducation populaire", "et les associations de jeunesse.")));
        TestHttp http = new TestHttp(baseUrl()).as(DOCUMENTALIST, PASSWORD);

        TestHttp.Response up = http.upload("/api/ingest", "file", pdf);

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode body = up.json();
        assertThat(body.get("textStatus").asString()).isEqualTo("ocr");
        JsonNode file = body.get("record").get("files").get(0);
        assertThat(file.get("textStatus").asString()).isEqualTo("ocr");
        assertThat(file.get("ocr").get("pagesRead").asInt()).isEqualTo(2);
        assertThat(file.get("ocr").get("language").asString()).isEqualTo("fra+eng");
        assertThat(file.get("ocr").get("meanConfidence").asDouble()).isBetween(50.0, 100.0);
        assertThat(file.get("ocr").get("pages").get(1).get("outcome").asString()).isEqualTo("ok");
        String id = body.get("record").get("id").asString();
        assertThat(catalogue.fullText(id)).contains("médiation sociale").contains(number);

        // the record as staff read it from the API says where the text came from
        JsonNode record = http.get("/api/records/" + id).json();
        assertThat(record.get("files").get(0).get("ocr").get("pagesRead").asInt()).isEqualTo(2);

        // and so does the review screen, before anyone publishes it
        Pages desk = new Pages(baseUrl());
        assertThat(desk.login(DOCUMENTALIST, PASSWORD).status()).isEqualTo(302);
        String review = desk.get("/gestion/brouillons/" + id + "?lang=fr").body();
        String confidence = String.valueOf(Math.round(file.get("ocr").get("meanConfidence").asDouble()));
        assertThat(review).contains("class=\"ocr-note\"", "Texte lu par OCR", "2 page(s) lue(s) sur 2 essayée(s) (fra+eng)",
                "confiance moyenne " + confidence + " %").doesNotContain("Pages non lues");

        catalogue.publish(id);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(hits(new TestHttp(baseUrl()).get("/api/search?q=" + number))).containsExactly(id);
        assertThat(hits(new TestHttp(baseUrl()).get("/api/search?q=ateliers%20" + number))).containsExactly(id);
    }

    @Test
    void aPageOverItsTimeoutIsRecordedAndTheIngestStillMakesARecord() {
        Path pdf = scan("trop-lent.pdf", List.of(List.of("Une page que Tesseract n'aura pas le temps de lire",
                "Référence " + ThreadLocalRandom.current().nextInt())));
        Ingestor.Options tiny = new Ingestor.Options(100_000, Duration.ofSeconds(60),
                ocr.request(Duration.ofMillis(1), Duration.ofMinutes(2)).orElseThrow());

        IngestOutcome outcome = ingestor.ingestFile(pdf, "trop-lent.pdf", tiny);

        assertThat(outcome.status()).isEqualTo(Status.CREATED);
        assertThat(outcome.textStatus()).isEqualTo(TextStatus.NONE);
        FileRef file = outcome.record().files().get(0);
        assertThat(file.ocr().pages()).extracting(p -> p.outcome()).containsExactly("timeout");
        assertThat(file.ocr().pagesRead()).isZero();
        assertThat(file.ocr().meanConfidence()).isNull();
    }

    @Test
    void theReviewScreenListsThePagesLeftUnread() throws Exception {
        Path pdf = ScanFiles.mixedPdf(tmp.resolve("annexes.pdf"), List.of("text", "scan:Annexe un " + System.nanoTime(),
                "scan:Annexe deux"));
        Ingestor.Options one = new Ingestor.Options(100_000, Duration.ofSeconds(60),
                withBudget(ocr.request().orElseThrow(), 1));

        IngestOutcome outcome = ingestor.ingestFile(pdf, "annexes.pdf", one);

        assertThat(outcome.textStatus()).isEqualTo(TextStatus.OCR);
        assertThat(outcome.record().files().get(0).ocr().pages()).extracting(p -> p.outcome())
                .containsExactly("ok", "skipped");
        Pages desk = new Pages(baseUrl());
        assertThat(desk.login(DOCUMENTALIST, PASSWORD).status()).isEqualTo(302);
        String review = desk.get("/gestion/brouillons/" + outcome.record().id() + "?lang=en").body();
        assertThat(review).contains("Text read by OCR", "1 page(s) read of 2 tried", "Pages not read: 3 (skipped)");
    }

    private static org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest withBudget(
            org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest r, int pages) {
        return new org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest(r.language(), r.tesseractDir(),
                r.pageTimeoutMillis(), r.documentTimeoutMillis(), r.dpi(), pages);
    }

    @Test
    void healthShowsOcrAvailableToStaff() {
        JsonNode health = new TestHttp(baseUrl()).as(ADMIN, PASSWORD).get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/ocr/details/available").asBoolean()).isTrue();
    }

    private Path scan(String name, List<List<String>> pages) {
        try {
            return ScanFiles.imagePdf(tmp.resolve(name), pages);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> hits(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("hits").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }
}
