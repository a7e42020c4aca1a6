package org.lakou.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.IndexSource;
import org.lakou.catalogue.IndexStamp;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.Indexed;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordStatus;
import org.lakou.catalogue.TextStatus;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The indexer's side of the outbox, on the embedded MongoDB backend with no indexer running:
 * batched reads keep each record's files in order, and acknowledging a batch never drops an
 * entry that a newer edit wrote meanwhile.
 */
class IndexOutboxTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private IndexQueue queue;
    private TextStore texts;
    private IndexOutbox outbox;

    @BeforeEach
    void start() {
        server = new MongoServer(KeyOrderedH2Backend.open(null, 8));
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "outbox-test");
        queue = new IndexQueue(mongo, clock);
        texts = new TextStore(mongo);
        outbox = new IndexOutbox(mongo, queue, texts, event -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchComesBackInTheAskedOrderWithEachRecordsTextsInFileOrder() {
        RecordDocument a = record("Rapport A", file("sha-2"), file("sha-1"));
        RecordDocument b = record("Rapport B");
        RecordDocument gone = record("Supprimé", file("sha-3"));
        gone.deleted = true;
        mongo.insertAll(List.of(a, b, gone));
        texts.put("sha-1", "premier texte");
        texts.put("sha-2", "second texte");
        texts.put("sha-3", "texte d'un enregistrement supprimé");

        List<IndexSource> sources = outbox.sources(List.of(b.id, "no-such-record", gone.id, a.id));

        assertThat(sources).extracting(s -> s.record().id()).containsExactly(b.id, gone.id, a.id);
        assertThat(sources.get(0).text()).isEmpty();
        assertThat(sources.get(1).text()).as("a deleted record is indexed as a tombstone").isEmpty();
        assertThat(sources.get(2).text()).isEqualTo("second texte\n\npremier texte");
        assertThat(sources).allMatch(s -> s.stamp() == null);
    }

    @Test
    void acknowledgingABatchKeepsEntriesANewerEditQueuedMeanwhile() {
        RecordDocument a = record("A");
        RecordDocument b = record("B");
        mongo.insertAll(List.of(a, b));
        queue.enqueueNew(List.of(new IndexWork(a.id, 1), new IndexWork(b.id, 1), new IndexWork("deleted-for-good", 4)));
        queue.enqueue(b.id, 2); // an edit while version 1 was on its way to Solr

        outbox.markIndexed(List.of(new Indexed(a.id, 1, new IndexStamp(11, "fa")),
                new Indexed(b.id, 1, new IndexStamp(12, "fb")), new Indexed("deleted-for-good", 4, null)));

        assertThat(queue.peek(10)).containsExactly(new IndexWork(b.id, 2));
        Document stored = mongo.getCollection("records").find(new Document("_id", a.id)).first();
        assertThat(stored.get("indexedVersion", Number.class).longValue()).isEqualTo(1);
        assertThat(outbox.sources(List.of(a.id)).get(0).stamp()).isEqualTo(new IndexStamp(11, "fa"));
    }

    @Test
    void aSweepQueuesEveryRecordAcrossItsBulkWritesWithTheirCurrentVersions() {
        List<RecordDocument> docs = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            RecordDocument d = record("R" + i);
            d.version = 1L + i % 3;
            d.indexedVersion = i % 5 == 0 ? -1 : d.version; // one in five lags behind the index
            docs.add(d);
        }
        mongo.insertAll(docs);
        queue.enqueue(docs.get(7).id, 99); // an entry already there is replaced, not duplicated

        assertThat(outbox.sweep(true)).isEqualTo(500);
        assertThat(queue.size()).isEqualTo(501);
        assertThat(outbox.sweep(false)).isEqualTo(2_500);

        List<IndexWork> queued = queue.peek(10_000);
        assertThat(queued).hasSize(2_500);
        assertThat(queued).containsExactlyInAnyOrderElementsOf(
                docs.stream().map(d -> new IndexWork(d.id, d.version)).toList());
    }

    @Test
    void importedTextsAreUpsertedByFileId() {
        texts.put("sha-1", "ancien texte");
        texts.putAll(java.util.Map.of("sha-1", "nouveau texte", "sha-2", "autre texte"));

        assertThat(texts.textsById(List.of("sha-1", "sha-2", "sha-3")))
                .isEqualTo(java.util.Map.of("sha-1", "nouveau texte", "sha-2", "autre texte"));
    }

    private RecordDocument record(String title, FileRef... files) {
        RecordDocument d = RecordDocument.create(new RecordFields(title, null, List.of(), null, "2024", "rapport",
                "fr", null, List.of(), List.of(), null, null), RecordStatus.DRAFT, clock.instant());
        d.files = new ArrayList<>(List.of(files));
        d.version = 1L;
        return d;
    }

    private static FileRef file(String sha) {
        return new FileRef(sha, sha + ".pdf", "application/pdf", 10, 1, 10, false, TextStatus.EXTRACTED);
    }
}
