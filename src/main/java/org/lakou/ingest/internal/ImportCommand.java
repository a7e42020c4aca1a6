package org.lakou.ingest.internal;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.lakou.ingest.IngestJob;
import org.lakou.ingest.QuarantineReason;
import org.lakou.shared.ApiException;
import org.lakou.shared.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lakou import DIR}: the batch import from a shell, with the same importer as the batch API.
 * Already-known files count as duplicates, so running it again over the same folder imports nothing.
 */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a folder tree of documents as draft records (hidden files are skipped).")
public class ImportCommand implements CliCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to import")
    Path directory;

    @Option(names = "--threads", paramLabel = "N",
            description = "files handled at once (default: lakou.ingest.batch-threads, twice the number of processors)")
    Integer threads;

    @Spec
    CommandSpec spec;

    private final BatchImporter importer;

    ImportCommand(BatchImporter importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (threads != null && threads < 1) {
            err.println("--threads must be at least 1");
            return 2;
        }
        ProgressBar bar = new ProgressBar(err, System.console() != null);
        IngestJob job;
        try {
            job = importer.runNow(directory, threads, bar);
        } catch (ApiException e) {
            err.println(e.getMessage());
            return 2;
        } finally {
            bar.finish();
        }
        out.println(summary(job));
        out.flush();
        return job.state() == IngestJob.State.DONE ? 0 : 1;
    }

    static String summary(IngestJob job) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d files: %d imported, %d duplicates, %d quarantined, %d skipped (too large), "
                + "%d failed%n", job.total(), job.imported(), job.duplicates(),
                job.quarantined().values().stream().mapToInt(i -> i).sum(), job.skippedTooLarge(), job.failed()));
        for (QuarantineReason reason : QuarantineReason.values()) {
            int n = job.quarantined().getOrDefault(reason.code(), 0);
            if (n > 0) {
                s.append(String.format("  quarantined %-12s %d%n", reason.code() + ":", n));
            }
        }
        if (job.skippedTooLarge() > 0) {
            s.append(String.format("  skipped, over lakou.ingest.max-file-size and left in place: %d%n",
                    job.skippedTooLarge()));
        }
        job.skipped().forEach((reason, n) -> s.append(String.format("  skipped %-16s %d%n", reason + ":", n)));
        if (job.error() != null) {
            s.append("error: ").append(job.error()).append(System.lineSeparator());
        }
        s.append("job ").append(job.id()).append(' ').append(job.state());
        return s.toString();
    }
}
