package org.lakou.ingest.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

/**
 * Which pages of a PDF get OCR: those without a usable text layer that carry an image (or glyphs
 * Tika could not map), a few of them in a document that has text elsewhere, all of them in a scan.
 */
class OcrPolicyTest {

    static Extractor extractor;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tesseractPresent() throws Exception {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract with French data is not installed");
        extractor = new Extractor();
    }

    private static OcrRequest ocr(int pagesBesideText, long documentMillis) {
        return new OcrRequest("fra+eng", "", 60_000, documentMillis, 200, pagesBesideText);
    }

    private Response extract(List<String> kinds, OcrRequest ocr) throws Exception {
        Path pdf = ScanFiles.mixedPdf(tmp.resolve("doc.pdf"), kinds);
        Response r = extractor.extract(new Request(pdf.toString(), "doc.pdf", 100_000, ocr));
        assertThat(r.code()).isEqualTo(Code.OK);
        return r;
    }

    @Test
    void theScannedPageOfATextPdfIsRead() throws Exception {
        Response r = extract(List.of("text", "scan:Annexe numéro deux", "text"), ocr(5, 120_000));

        assertThat(r.text()).contains("centre de ressources").contains("Annexe");
        assertThat(r.ocr().pages()).containsExactly(2);
        assertThat(r.ocr().outcomes()).containsExactly("ok");
    }

    @Test
    void blankAndDrawnPagesOfATextPdfAreNotOcred() throws Exception {
        Response r = extract(List.of("text", "blank", "drawing", "text"), ocr(5, 120_000));

        assertThat(r.text()).contains("centre de ressources");
        assertThat(r.ocr()).as("no page worth reading: OCR never ran").isNull();
    }

    @Test
    void imagePagesBeyondTheBudgetOfATextPdfAreSkipped() throws Exception {
        Response r = extract(List.of("text", "scan:Annexe un", "scan:Annexe deux", "scan:Annexe trois"),
                ocr(1, 120_000));

        assertThat(r.ocr().pages()).containsExactly(2, 3, 4);
        assertThat(r.ocr().outcomes()).containsExactly("ok", "skipped", "skipped");
        assertThat(r.text()).contains("Annexe un").doesNotContain("Annexe deux");
    }

    @Test
    void aScanWithoutAnyTextLayerIsReadWholeWhateverTheBudget() throws Exception {
        Response r = extract(List.of("scan:Page un", "scan:Page deux", "scan:Page trois"), ocr(1, 300_000));

        assertThat(r.ocr().outcomes()).containsExactly("ok", "ok", "ok");
        assertThat(r.text()).contains("Page un").contains("Page deux").contains("Page trois");
    }

    /**
     * The corpus's 117-page thesis has, on 44 pages, more than ten glyphs without a Unicode mapping
     * (math symbols): Tika's default AUTO strategy OCR'd every one of them, minutes per upload.
     */
    @Test
    void aThesisWithAFewUnmappedSymbolsPerPageIsNotOcred() throws Exception {
        Path thesis = Path.of("../shared/data/docs/very-large/pypdf__GeoTopo-komprimiert.pdf");
        Assumptions.assumeTrue(Files.isRegularFile(thesis), "the shared corpus is not present");

        Response r = extractor.extract(new Request(thesis.toString(), "these.pdf", 2_000_000, ocr(5, 30_000)));

        assertThat(r.code()).isEqualTo(Code.OK);
        assertThat(r.text().length()).isGreaterThan(100_000);
        assertThat(r.ocr()).isNull();
    }
}
