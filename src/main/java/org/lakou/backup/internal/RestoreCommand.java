package org.lakou.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.lakou.search.SearchApi;
import org.lakou.shared.CliCommand;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar lakou.jar restore FILE [--force]}. Writes MongoDB and the file store and empties
 * the index; the launcher then runs {@code reindex} in a fresh context, one that loads the restored
 * thesaurus at start-up (this one started on an empty database and knows none of it).
 */
@Component
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup (lakou-*.zip) into an empty data folder or database, then rebuild the index.")
class RestoreCommand implements CliCommand {

    static final int CORRUPT = 3;
    static final int REFUSED = 4;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
    Path file;

    @Option(names = "--force", description = "Replace the contents of a database that is not empty.")
    boolean force;

    private final MongoTemplate mongo;
    private final SearchApi search;

    RestoreCommand(MongoTemplate mongo, SearchApi search) {
        this.mongo = mongo;
        this.search = search;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("Restore refused: no such file " + file);
            return REFUSED;
        }
        long start = System.nanoTime();
        Map<String, Long> written;
        try {
            written = new Restorer(mongo.getDb()).restore(file, force);
        } catch (BackupFormatException e) {
            System.err.println("Restore refused, nothing was written: the backup is damaged or not a Lakou backup: "
                    + e.getMessage());
            return CORRUPT;
        } catch (Restorer.Refused e) {
            System.err.println("Restore refused, nothing was written: " + e.getMessage());
            return REFUSED;
        }
        search.clearIndex();
        long total = written.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Restored %d document(s) in %d collection(s) from %s in %d s (records: %d); "
                + "rebuilding the index%n", total, written.size(), file, (System.nanoTime() - start) / 1_000_000_000L,
                written.getOrDefault("records", 0L));
        return 0;
    }
}
