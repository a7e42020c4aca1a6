package org.lakou.shared.internal.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mongo-java-server updates a document by changing, in place, the instance its backend handed out,
 * and H2 keeps that same instance in the page version its writer is serialising: an update that
 * adds or removes a field while a commit encodes the page broke the encoding
 * ({@code ConcurrentModificationException} in {@code BsonEncoder}), and MVStore closed itself.
 * Here updates that add and remove fields race store commits on purpose.
 */
class ConcurrentStoreWriteTest {

    private static final int DOCS = 12;
    private static final int FIELDS = 2_000;

    @TempDir
    Path dir;

    /**
     * The mechanism, deterministically: the instance the store holds (and a commit may be encoding)
     * must be the same after an update as before it; the update's result is a new instance.
     */
    @Test
    void anUpdateNeverChangesTheDocumentInstanceTheStoreHolds() {
        KeyOrderedH2Backend backend = KeyOrderedH2Backend.open(dir.resolve("held.mv").toString(), 8);
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> coll = client.getDatabase("t").getCollection("c");
            coll.insertOne(new Document("_id", "d1").append("a", 1).append("list", List.of("x")));
            org.h2.mvstore.MVMap<Object, Object> data = backend.getMvStore().openMap("databases.t.c");
            Object held = data.get("d1");
            String before = held.toString();

            coll.updateOne(Filters.eq("_id", "d1"), new Document("$set", new Document("b", 2))
                    .append("$unset", new Document("a", "")).append("$push", new Document("list", "y")));
            coll.findOneAndUpdate(Filters.eq("_id", "d1"), new Document("$set", new Document("c", 3)));

            assertThat(held.toString()).as("the instance a commit may be encoding").isEqualTo(before);
            Document now = coll.find(Filters.eq("_id", "d1")).first();
            assertThat(now).isEqualTo(new Document("_id", "d1").append("list", List.of("x", "y")).append("b", 2)
                    .append("c", 3));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void updatesThatAddAndRemoveFieldsDuringCommitsNeitherBreakNorCloseTheStore() throws Exception {
        String file = dir.resolve("race.mv").toString();
        KeyOrderedH2Backend backend = KeyOrderedH2Backend.open(file, 8);
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        int[] rounds = new int[4];
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> coll = client.getDatabase("t").getCollection("c");
            for (int i = 0; i < DOCS; i++) {
                coll.insertOne(wide(i, 0));
            }
            List<Thread> threads = new ArrayList<>();
            threads.add(thread(failures, stop, () -> backend.getMvStore().commit()));
            for (int t = 0; t < 3; t++) {
                int worker = t;
                threads.add(thread(failures, stop, () -> {
                    int round = ++rounds[worker];
                    for (int i = worker; i < DOCS; i += 3) {
                        // a field appears and another disappears: the stored map changes shape
                        coll.updateOne(Filters.eq("_id", "d" + i), new Document("$set", new Document("r" + round, round))
                                .append("$unset", new Document("r" + (round - 1), "")));
                    }
                }));
            }
            Thread.sleep(Long.getLong("race.millis", 4_000));
            stop.set(true);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(failures).as("failures while updating and committing").isEmpty();
            assertThat(backend.getMvStore().isClosed()).isFalse();
            assertThat(coll.countDocuments()).isEqualTo(DOCS);
        } finally {
            server.shutdownNow();
        }
        // every committed document reads back whole, with its last round's field only
        KeyOrderedH2Backend reopened = KeyOrderedH2Backend.open(file, 8);
        MongoServer again = new MongoServer(reopened);
        var address2 = again.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address2.getPort())) {
            MongoCollection<Document> coll = client.getDatabase("t").getCollection("c");
            for (int i = 0; i < DOCS; i++) {
                Document d = coll.find(Filters.eq("_id", "d" + i)).first();
                int round = rounds[i % 3];
                assertThat(d).as("d" + i).isNotNull();
                assertThat(d.get("r" + round)).as("d" + i).isEqualTo(round);
                assertThat(d.keySet().stream().filter(k -> k.startsWith("r")).count()).as("d" + i).isEqualTo(1);
                assertThat(d.getString("f" + (FIELDS - 1))).isEqualTo("value " + (FIELDS - 1) + " of d" + i);
            }
        } finally {
            again.shutdownNow();
        }
    }

    /** Few documents of many fields: encoding one takes long enough for an update of it to land meanwhile. */
    private static Document wide(int i, int round) {
        Document d = new Document("_id", "d" + i).append("r" + round, round);
        for (int f = 0; f < FIELDS; f++) {
            d.append("f" + f, "value " + f + " of d" + i);
        }
        return d;
    }

    private static Thread thread(Queue<Throwable> failures, AtomicBoolean stop, Runnable step) {
        Thread t = new Thread(() -> {
            try {
                while (!stop.get() && failures.isEmpty()) {
                    step.run();
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        t.start();
        return t;
    }
}
