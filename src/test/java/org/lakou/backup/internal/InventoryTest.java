package org.lakou.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.members.MemberCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Nobody adds a collection that backups silently leave out: every collection the running
 * database holds, and every collection name the main code declares, is either backed up or
 * skipped with a reason in {@link Inventory}.
 */
class InventoryTest extends IntegrationTestBase {

    /** The ways the code names a collection: a Spring Data document, a name constant, a direct lookup. */
    private static final Pattern DECLARED = Pattern.compile("@Document\\(\"([a-z_]+)\"\\)"
            + "|static final String (?:COLLECTION|SOURCES|RUNS|DIGESTS|KEYS|SCHEMES|VERSIONS|BUCKET|RECORDS)\\s*=\\s*\"([a-z_]+)\""
            + "|getCollection\\(\"([a-z_.]+)\"\\)");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    CirculationApi circulation;

    @Test
    void everyCollectionInTheDatabaseIsBackedUpOrSkippedOnPurpose() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        var r = f.record("book", 1);
        circulation.checkout(f.barcodes(r).get(0), f.member(MemberCategory.ASSOCIATION).id());

        List<String> unknown = mongo.getCollectionNames().stream().filter(c -> !Inventory.known(c)).sorted().toList();

        assertThat(mongo.getCollectionNames()).as("the fixture wrote records and loans").contains("records", "loans");
        assertThat(unknown).as("collections neither backed up nor skipped in backup.internal.Inventory").isEmpty();
    }

    @Test
    void everyCollectionTheCodeDeclaresIsBackedUpOrSkippedOnPurpose() throws IOException {
        TreeSet<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/lakou"))) {
            // the backup module's own constants name manifest fields, not collections
            for (Path p : files.filter(x -> x.toString().endsWith(".java") && !x.toString().contains("/backup/"))
                    .toList()) {
                Matcher m = DECLARED.matcher(Files.readString(p));
                while (m.find()) {
                    declared.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : declared) {
            if (!Inventory.known(name) && !Inventory.known(name + ".files")) {
                unknown.add(name);
            }
        }

        assertThat(declared).as("the scan finds the code's collections").contains("records", "loans", "files.files",
                "audit_log", "thesaurus");
        assertThat(unknown).as("collection names in the code that backup.internal.Inventory does not know").isEmpty();
    }
}
