package org.lakou.search.internal;

import java.time.Duration;

import org.lakou.search.IndexStatus;
import org.lakou.search.SearchApi;
import org.lakou.shared.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar lakou.jar reindex}: rebuilds the index from MongoDB and waits for the end. */
@Component
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Re-index every record from MongoDB into Solr and wait until the queue is drained.")
class ReindexCommand implements CliCommand {

    private final SearchApi search;

    @Option(names = "--timeout", defaultValue = "PT1H",
            description = "How long to wait for the drain, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    ReindexCommand(SearchApi search) {
        this.search = search;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        int queued = search.reindex();
        System.out.printf("Queued %d record(s) for indexing%n", queued);
        boolean drained = search.awaitIndexed(timeout);
        IndexStatus status = search.indexStatus();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        if (!drained) {
            System.err.printf("Timed out after %d s: %d record(s) still queued%s%n", seconds, status.queueSize(),
                    status.lastError() == null ? "" : " (last error: " + status.lastError() + ")");
            return 1;
        }
        System.out.printf("Indexed %d record(s) in %d s; the index holds %s document(s)%n", queued, seconds,
                status.documents() == null ? "?" : status.documents());
        return 0;
    }
}
