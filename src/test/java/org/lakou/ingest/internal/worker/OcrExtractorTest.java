package org.lakou.ingest.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.ScanFiles;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Request;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/** The worker's side of OCR, in this JVM: which pages get read, each page's outcome, the bounds. */
class OcrExtractorTest {

    static final List<String> PAGE_ONE = List.of("Rapport d'activité de la médiation sociale",
            "dans les quartiers prioritaires de la ville.", "Les habitants ont participé aux ateliers.");
    static final List<String> PAGE_TWO = List.of("Deuxième partie : l'éducation populaire",
            "et les associations de jeunesse du territoire.");

    static Extractor extractor;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tesseractPresent() throws Exception {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract with French data is not installed");
        extractor = new Extractor();
    }

    static OcrRequest ocr(long pageMillis, long documentMillis) {
        return new OcrRequest("fra+eng", "", pageMillis, documentMillis, 300);
    }

    @Test
    void anImageOnlyPdfIsReadPageByPage() throws Exception {
        Path pdf = ScanFiles.imagePdf(tmp.resolve("scan.pdf"), List.of(PAGE_ONE, PAGE_TWO));

        Response r = extractor.extract(new Request(pdf.toString(), "scan.pdf", 100_000, ocr(60_000, 120_000)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text()).contains("médiation sociale").contains("associations");
        assertThat(r.ocr().pages()).containsExactly(1, 2);
        assertThat(r.ocr().outcomes()).containsExactly("ok", "ok");
        assertThat(r.ocr().meanConfidence()).isBetween(50.0, 100.0);
        assertThat(r.language()).isEqualTo("fr");
    }

    @Test
    void withoutOcrTheSameScanHasNoText() throws Exception {
        Path pdf = ScanFiles.imagePdf(tmp.resolve("scan-off.pdf"), List.of(PAGE_ONE));

        Response r = extractor.extract(new Request(pdf.toString(), "scan-off.pdf", 100_000, null));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text()).isBlank();
        assertThat(r.ocr()).isNull();
    }

    @Test
    void aPngIsRead() throws Exception {
        Path png = ScanFiles.png(tmp.resolve("affiche.png"), PAGE_TWO);

        Response r = extractor.extract(new Request(png.toString(), "affiche.png", 100_000, ocr(60_000, 120_000)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text()).contains("éducation populaire");
        assertThat(r.ocr().outcomes()).containsExactly("ok");
    }

    @Test
    void aPageOverItsBoundIsRecordedAsATimeoutAndTheDocumentStillEnds() throws Exception {
        Path pdf = ScanFiles.imagePdf(tmp.resolve("lent.pdf"), List.of(PAGE_ONE, PAGE_TWO));

        Response r = extractor.extract(new Request(pdf.toString(), "lent.pdf", 100_000, ocr(1, 120_000)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.ocr().outcomes()).containsExactly("timeout", "timeout");
        assertThat(r.text()).isBlank();
    }

    @Test
    void pagesPastTheDocumentBoundAreSkipped() throws Exception {
        Path pdf = ScanFiles.imagePdf(tmp.resolve("long.pdf"), List.of(PAGE_ONE, PAGE_TWO, PAGE_ONE));

        Response r = extractor.extract(new Request(pdf.toString(), "long.pdf", 100_000, ocr(60_000, 1)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.ocr().outcomes()).contains("skipped").doesNotContain("ok");
    }

    @Test
    void aPdfWithATextLayerIsNotOcred() throws Exception {
        Path pdf = org.lakou.ingest.TestFiles.textPdf(tmp.resolve("texte.pdf"), "Texte", "X",
                List.of(org.lakou.ingest.TestFiles.FRENCH));

        Response r = extractor.extract(new Request(pdf.toString(), "texte.pdf", 100_000, ocr(60_000, 120_000)));

        assertThat(r.text()).contains("centre de ressources");
        assertThat(r.ocr()).isNull();
    }

    /** The shared French scan: 150 dpi, speckled and slightly rotated, as a real photocopy would be. */
    @Test
    void aRealisticFrenchScanIsRead() {
        Path scan = Path.of("../shared/data/french/rapport-2010-scan-p2-3.pdf");
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(scan), "../shared/data/french not present");

        Response r = extractor.extract(new Request(scan.toString(), "scan.pdf", 100_000, ocr(60_000, 300_000)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.ocr().outcomes()).containsExactly("ok", "ok");
        assertThat(r.text()).contains("Martinique");
        assertThat(r.language()).isEqualTo("fr");
        System.out.println("French scan: mean confidence " + r.ocr().meanConfidence() + ", "
                + r.text().length() + " characters");
    }

    @Test
    void aMissingTesseractLeavesTheScanWithoutTextAndNothingFails() throws Exception {
        Path pdf = ScanFiles.imagePdf(tmp.resolve("sans.pdf"), List.of(PAGE_ONE));

        Response r = extractor.extract(new Request(pdf.toString(), "sans.pdf", 100_000,
                new OcrRequest("fra+eng", tmp.resolve("nowhere").toString(), 60_000, 120_000, 300)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text()).isBlank();
        assertThat(r.ocr()).isNull();
    }
}
