package org.lakou.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.backup.BackupApi;
import org.lakou.backup.BackupInfo;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.members.MemberCategory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backup taken while records, copies and loans are being written has no loan nor hold pointing
 * at a record it lacks; a damaged backup is refused before anything is written; a database that
 * is not empty is refused without {@code force}. Restores go into a scratch database of the same
 * server, which starts empty.
 */
class BackupArchiveTest extends IntegrationTestBase {

    @Autowired
    BackupApi backups;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    CirculationApi circulation;

    @Autowired
    MongoClient client;

    @Autowired
    BackupScheduler scheduler;

    @Autowired
    BackupService service;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @TempDir
    Path tmp;

    @Test
    void aBackupTakenDuringWritesHasNoLoanOrHoldPointingAtAMissingRecord() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            writers.add(pool.submit(() -> writeUntil(stop, progress)));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (progress.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50); // the first loans exist: the backups start while the writers are in their stride
        }
        List<BackupInfo> taken = new ArrayList<>();
        try {
            // several in a row: a small test database is copied in well under a second
            for (int i = 0; i < 6; i++) {
                taken.add(backups.create());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        int written = 0;
        for (Future<Integer> w : writers) {
            written += w.get();
        }

        assertThat(written).as("records and loans written by the writers").isGreaterThan(6);
        for (BackupInfo info : taken) {
            assertThat(info.checksumOk()).as(info.problem()).isTrue();
            try (ArchiveReader in = new ArchiveReader(Path.of(info.path()))) {
                Set<String> records = ids(in, "records", "_id");
                List<String> loaned = values(in, "loans", "recordId");
                List<String> held = values(in, "holds", "_id");
                assertThat(loaned).as("loans in the backup").isNotEmpty();
                assertThat(records).as("every loan's record is in %s", info.name()).containsAll(loaned);
                assertThat(records).as("every hold's record is in %s", info.name()).containsAll(held);
            }
        }
    }

    private int writeUntil(AtomicBoolean stop, java.util.concurrent.atomic.AtomicInteger progress) {
        Fixtures f = new Fixtures(catalogue, memberApi);
        int n = 0;
        while (!stop.get()) {
            // new borrowers each time: no loan limit, and one may not hold what one has on loan
            var r = f.record("book", 2);
            circulation.checkout(f.barcodes(r).get(0), f.member(MemberCategory.ASSOCIATION).id());
            circulation.placeHold(r.id(), f.member(MemberCategory.ETAT).id(), null);
            progress.incrementAndGet();
            n++;
        }
        return n;
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsWritten() throws IOException {
        f().record("book", 1);
        BackupInfo good = backups.create();
        Path altered = rewrite(Path.of(good.path()), tmp.resolve("altered.zip"), "collections/records.jsonl",
                line -> line.replace("Guide de la", "Guida de la"));
        Path truncated = tmp.resolve("truncated.zip");
        byte[] all = Files.readAllBytes(Path.of(good.path()));
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));

        MongoDatabase scratch = scratch();
        assertThatThrownBy(() -> new Restorer(scratch).restore(altered, false))
                .isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("collections/records.jsonl fails its checksum");
        assertThatThrownBy(() -> new Restorer(scratch).restore(truncated, false))
                .isInstanceOf(BackupFormatException.class);
        assertThat(scratch.listCollectionNames().into(new ArrayList<>())).as("nothing written").isEmpty();
        assertThat(backups.list()).filteredOn(b -> b.name().equals(good.name())).singleElement()
                .satisfies(b -> assertThat(b.checksumOk()).isTrue());
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefusedWithoutForceAndReplacedWithIt() throws IOException {
        f().record("book", 1);
        BackupInfo info = backups.create();
        Path file = Path.of(info.path());
        MongoDatabase scratch = scratch();

        var first = new Restorer(scratch).restore(file, false);
        scratch.getCollection("records").insertOne(new org.bson.Document("_id", "written-after-the-restore"));

        assertThatThrownBy(() -> new Restorer(scratch).restore(file, false)).isInstanceOf(Restorer.Refused.class)
                .hasMessageContaining("not empty").hasMessageContaining("--force");
        assertThat(scratch.getCollection("records").countDocuments()).isEqualTo(first.get("records") + 1);

        var forced = new Restorer(scratch).restore(file, true);
        assertThat(forced).isEqualTo(first);
        assertThat(scratch.getCollection("records").countDocuments()).as("replaced, not merged")
                .isEqualTo(info.records());
        assertThat(scratch.getCollection("records").countDocuments(new org.bson.Document("_id",
                "written-after-the-restore"))).isZero();
    }

    @Test
    void theScheduledRunIsLeftToTheNodeHoldingTheLeaseAndKeepsTheRetentionCount() {
        var leases = mongo.getDb().getCollection("job_leases");
        leases.deleteOne(new org.bson.Document("_id", BackupScheduler.LEASE));
        leases.insertOne(new org.bson.Document("_id", BackupScheduler.LEASE).append("holder", "another-node")
                .append("until", java.util.Date.from(clock.instant().plusSeconds(100L * 365 * 86400))));
        int before = backups.list().size();

        assertThat(scheduler.runOnce()).as("another node holds the lease").isNull();
        assertThat(backups.list()).hasSize(before);

        leases.deleteOne(new org.bson.Document("_id", BackupScheduler.LEASE));
        BackupInfo nightly = scheduler.runOnce();
        assertThat(nightly).isNotNull();
        assertThat(nightly.checksumOk()).isTrue();
        backups.create();
        service.prune(2);
        assertThat(backups.list()).hasSize(2).first().satisfies(b -> assertThat(b.name()).isGreaterThan(nightly.name()));
        assertThat(backups.list().get(1).name()).isEqualTo(nightly.name());
    }

    private Fixtures f() {
        return new Fixtures(catalogue, memberApi);
    }

    private MongoDatabase scratch() {
        return client.getDatabase("restore_" + Long.toString(System.nanoTime(), 36));
    }

    private static Set<String> ids(ArchiveReader in, String collection, String field) throws IOException {
        return new HashSet<>(values(in, collection, field));
    }

    private static List<String> values(ArchiveReader in, String collection, String field) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader lines = in.lines(ArchiveWriter.collectionEntry(collection))) {
            for (String line; (line = lines.readLine()) != null; ) {
                BsonDocument d = BsonDocument.parse(line);
                if (d.containsKey(field)) {
                    out.add(d.getString(field).getValue());
                }
            }
        }
        return out;
    }

    /** A copy of the zip with one entry's lines changed and the manifest left as it was. */
    private static Path rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    byte[] bytes = data.readAllBytes();
                    if (e.getName().equals(entry)) {
                        bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return to;
    }
}
