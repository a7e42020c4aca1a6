package org.lakou.ingest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the ingest pipeline. {@code workers} child JVMs of {@code workerHeap} each do the
 * parsing, so a runaway parser can be killed without harming the server; {@code batchThreads}
 * feed them during a batch import. {@code workers} defaults to the number of processors and
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
         * JVM options for the workers, after Lakou's own. The default keeps them to the C1 compiler:
         * a worker's C2 compilations of PDFBox, POI and ODF code took 40 % of its CPU and never
         * finished paying off on a batch of office files (20 instead of 34 ms of CPU per file).
         */
        @DefaultValue("-XX:TieredStopAtLevel=1") List<String> workerJvmOptions) {

    public IngestProperties {
        int processors = Runtime.getRuntime().availableProcessors();
        workers = workers == null ? processors : workers;
        batchThreads = batchThreads == null ? 2 * processors : batchThreads;
    }
}
