package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.Ingestor;
import org.lakou.ingest.internal.OcrBackfill;
import org.lakou.ingest.internal.OcrCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * {@code lakou ocr --pending} over scans ingested while OCR was off: their text comes afterwards,
 * and a run cut short leaves exactly the untried records for the next one.
 */
class OcrCommandTest extends IntegrationTestBase {

    @Autowired
    OcrCommand command;

    @Autowired
    OcrBackfill backfill;

    @Autowired
    Ingestor ingestor;

    @Autowired
    CatalogueApi catalogue;

    @TempDir
    Path dir;

    @BeforeAll
    static void tesseractPresent() {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract with French data is not installed");
    }

    @Test
    void pendingScansGetTheirTextAndAnInterruptedRunResumes() throws Exception {
        Record first = scanWithoutOcr("ancien-1.pdf", "Compte rendu du conseil de quartier");
        Record second = scanWithoutOcr("ancien-2.pdf", "Bilan de la médiation sociale");
        assertThat(backfill.pending()).contains(first.id(), second.id());

        // a run that stopped after the first record: only the second one is still pending
        backfill.run(List.of(first.id()), 1, (done, total) -> { });
        assertThat(catalogue.get(first.id()).files().get(0).textStatus()).isEqualTo(TextStatus.OCR);
        assertThat(backfill.pending()).contains(second.id()).doesNotContain(first.id());
        long firstVersion = catalogue.get(first.id()).version();

        Run run = run("--pending", "--threads", "2");

        assertThat(run.err).contains("records waiting for OCR").contains("[" + "#".repeat(30) + "]");
        assertThat(run.out).containsPattern("\\d+ records: \\d+ with OCR text");
        Record after = catalogue.get(second.id());
        assertThat(after.files().get(0).textStatus()).isEqualTo(TextStatus.OCR);
        assertThat(after.files().get(0).ocr().pagesRead()).isEqualTo(1);
        assertThat(catalogue.fullText(second.id())).contains("médiation sociale");
        assertThat(catalogue.get(first.id()).version()).as("done records are not redone").isEqualTo(firstVersion);
        assertThat(backfill.pending()).doesNotContain(first.id(), second.id());
    }

    @Test
    void withoutTheOptionItIsAUsageError() {
        assertThat(run().exit).isEqualTo(2);
    }

    private Record scanWithoutOcr(String name, String line) throws IOException {
        Path pdf = ScanFiles.imagePdf(dir.resolve(name), List.of(List.of(line, "Référence " + TestFiles.token())));
        IngestOutcome outcome = ingestor.ingestFile(pdf, name, new Ingestor.Options(100_000, Duration.ofSeconds(60)));
        assertThat(outcome.textStatus()).isEqualTo(TextStatus.NONE);
        return outcome.record();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
