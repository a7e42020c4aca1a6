package org.lakou.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the ingest pipeline. {@code workers} child JVMs of {@code workerHeap} each do the
 * parsing, so a runaway parser can be killed without harming the server; {@code batchThreads}
 * feed them during a batch import; workers start on demand and retire when idle.
 * {@code workers} defaults to the number of processors and
 * {@code batchThreads} to twice that: each batch thread spends part of every file on MongoDB
 * writes, and a second thread per worker keeps the workers busy meanwhile (+28–60 % measured).
 *
 * @param parseTimeout hard limit per file; the 16,384-page corpus PDF needs about 3 s, so 60 s
 *                     leaves room for a loaded machine while still stopping a hung parser
 * @param maxChars     extracted text is cut here (and flagged truncated) so it fits a Mongo document
 */
@Validated
@ConfigurationProperties("lakou.ingest")
public record IngestProperties(
        @NotNull @DefaultValue("100MB") DataSize maxFileSize,
        @NotNull @DefaultValue("60s") Duration parseTimeout,
        @Min(1000) @Max(4_000_000) @DefaultValue("2000000") int maxChars,
        @Min(1) @Max(64) Integer workers,
        @NotNull @Pattern(regexp = "\\d+[kmgKMG]?", message = "a JVM heap size such as 384m")
        @DefaultValue("384m") String workerHeap,
        @Min(1) @Max(64) Integer batchThreads,
        /**
         * JVM options for the workers, after Lakou's own. The default keeps a worker on the C1
         * compiler: C2 compiles PDFBox, POI and ODF code anew in every worker JVM, and a worker
         * lives for one batch (it retires when idle), too short to earn that back. Measured side
         * by side from the first file (bench/worker-jit): over 684 files per worker, 41 ms of CPU
         * per file with C1 only against 67 with C2 at three times the usual thresholds and 70 at
         * the usual ones; C2's steady state (3-4 ms per file cheaper) repays its compiling only
         * after several thousand files per worker, so a migration of tens of thousands of files
         * may set {@code -XX:Tier4InvocationThreshold=15000} and friends instead; see
         * docs/benchmarks.md.
         */
        @DefaultValue("-XX:TieredStopAtLevel=1")
        List<String> workerJvmOptions,
        /**
         * Folders under which {@code POST /api/ingest/batch {"directory": …}} may import; none by
         * default, so a documentalist cannot make the server read its own files over HTTP. The
         * command-line import is not limited: whoever runs it already has the machine.
         */
        List<Path> importRoots,
        /**
         * Workers start on first use and a worker left idle this long exits (0 = never): a server
         * that only sees an upload now and then does not keep two Tika JVMs (about 350 MB each)
         * alive for it, and does not start them while it starts itself.
         */
        @NotNull @DefaultValue("5m") Duration workerIdleTimeout,
        @Valid @NotNull @DefaultValue Ocr ocr) {

    /**
     * OCR of scans ({@code lakou.ingest.ocr.*}): PDF pages without a usable text layer and PNG,
     * JPEG and TIFF images go through Tesseract in the parse workers.
     *
     * @param enabled         off: scans keep {@code textStatus: none}
     * @param language        Tesseract's languages, {@code +}-separated; each needs its traineddata
     * @param tesseractPath   the directory holding the {@code tesseract} binary; empty: the PATH
     * @param pageTimeout     one page (or image): past it the page is recorded as {@code timeout}
     * @param documentTimeout all the OCR of one file: later pages are recorded as {@code skipped};
     *                        it is added to {@code parse-timeout} for the worker's hard limit
     * @param dpi             resolution PDF pages are rendered at for Tesseract
     * @param pagesBesideText in a PDF that has a text layer on other pages, how many of its image
     *                        pages without one are read (a thesis's full-page figures, a scanned
     *                        annex); later ones are recorded as {@code skipped}. A PDF without any
     *                        text layer (a scan) is read whole, within {@code documentTimeout}
     */
    public record Ocr(
            @DefaultValue("true") boolean enabled,
            @NotNull @Pattern(regexp = "[a-z][a-z_]*(\\+[a-z][a-z_]*)*",
                    message = "Tesseract language codes joined by +, such as fra+eng") @DefaultValue("fra+eng")
            String language,
            @NotNull @DefaultValue("") String tesseractPath,
            @NotNull @DefaultValue("60s") Duration pageTimeout,
            @NotNull @DefaultValue("10m") Duration documentTimeout,
            @Min(72) @Max(600) @DefaultValue("300") int dpi,
            @Min(0) @DefaultValue("5") int pagesBesideText) {
    }

    /** Without OCR settings: the defaults. */
    public IngestProperties(DataSize maxFileSize, Duration parseTimeout, int maxChars, Integer workers,
            String workerHeap, Integer batchThreads, List<String> workerJvmOptions, List<Path> importRoots,
            Duration workerIdleTimeout) {
        this(maxFileSize, parseTimeout, maxChars, workers, workerHeap, batchThreads, workerJvmOptions, importRoots,
                workerIdleTimeout, new Ocr(true, "fra+eng", "", Duration.ofSeconds(60), Duration.ofMinutes(10), 300, 5));
    }

    @ConstructorBinding
    public IngestProperties {
        importRoots = importRoots == null ? List.of() : List.copyOf(importRoots);
        int processors = Runtime.getRuntime().availableProcessors();
        workers = workers == null ? processors : workers;
        batchThreads = batchThreads == null ? 2 * processors : batchThreads;
    }
}
