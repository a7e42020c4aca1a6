package org.lakou.ingest.internal;

import java.io.PrintWriter;
import java.util.List;

import org.lakou.ingest.IngestProperties;
import org.lakou.shared.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lakou ocr --pending}: OCR over the records whose files have no text and were never
 * tried (made before Tesseract was installed, or with OCR off). Stopped and run again, it goes on
 * with the records still untried: each record's outcome is written as soon as it is known.
 */
@Component
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "Run OCR on records whose files have no text yet (textStatus none, never tried).")
public class OcrCommand implements CliCommand {

    @Option(names = "--pending", required = true, description = "every record still waiting for OCR")
    boolean pending;

    @Option(names = "--threads", paramLabel = "N",
            description = "records handled at once (default: lakou.ingest.workers, the number of processors)")
    Integer threads;

    @Spec
    CommandSpec spec;

    private final OcrBackfill backfill;
    private final OcrSupport ocr;
    private final IngestProperties properties;

    OcrCommand(OcrBackfill backfill, OcrSupport ocr, IngestProperties properties) {
        this.backfill = backfill;
        this.ocr = ocr;
        this.properties = properties;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!ocr.state().available()) {
            err.println("OCR is unavailable: " + ocr.state().problem());
            err.flush();
            return 1;
        }
        if (threads != null && threads < 1) {
            err.println("--threads must be at least 1");
            return 2;
        }
        List<String> ids = backfill.pending();
        err.println(ids.size() + " records waiting for OCR");
        ProgressBar bar = new ProgressBar(err, System.console() != null, "records");
        OcrBackfill.Summary s;
        try {
            s = backfill.run(ids, threads == null ? properties.workers() : threads,
                    (done, total) -> bar.update(done, total, done == total));
        } finally {
            bar.finish();
        }
        out.printf("%d records: %d with OCR text, %d without text, %d failed%n", s.records(), s.read(),
                s.withoutText(), s.failed());
        out.flush();
        return s.failed() == 0 ? 0 : 1;
    }
}
