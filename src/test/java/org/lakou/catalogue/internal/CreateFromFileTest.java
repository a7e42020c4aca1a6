package org.lakou.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A draft from an ingested file, on the embedded MongoDB backend: new bytes cost writes only (the
 * read that used to precede every insert was one more round trip per file), and a retry with
 * the planned id of a record a crash left written still makes no second record, outbox entry or event.
 */
class CreateFromFileTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private CatalogueService catalogue;

    @BeforeEach
    void start() {
        server = new MongoServer(KeyOrderedH2Backend.open(null, 8));
        var address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build());
        mongo = new MongoTemplate(client, "create-from-file-test");
        IndexQueue queue = new IndexQueue(mongo, clock);
        TextStore texts = new TextStore(mongo);
        BarcodeRegistry barcodes = new BarcodeRegistry(mongo);
        catalogue = new CatalogueService(mongo, queue, new IndexOutbox(mongo, queue, texts, events::add), texts,
                barcodes, new SubjectRemapper(mongo), new CopyEditor(barcodes), new HarvestedCopies(mongo, clock),
                events::add, clock, new RecordScans(mongo), new RecordImporter(mongo, queue, texts, events::add, clock));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newBytesMakeADraftWithoutReadingFirst() {
        commands.clear();

        Record draft = catalogue.createFromFile("planned-1", fields("Rapport d'activité"), file("sha-a"), "le texte");

        assertThat(draft.id()).isEqualTo("planned-1");
        assertThat(commands).as("writes only: the text, the record, the outbox entry").doesNotContain("find")
                .hasSize(3);
        assertThat(catalogue.fullText("planned-1")).isEqualTo("le texte");
    }

    @Test
    void theCreationEventCarriesTheDraftSoListenersNeedNotReadIt() {
        Record draft = catalogue.createFromFile("planned-3", fields("Avec texte"), file("sha-c"), "le texte");

        assertThat(events).filteredOn(RecordChanged.class::isInstance).map(RecordChanged.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.change()).isEqualTo(RecordChanged.Change.CREATED);
                    assertThat(e.record()).isEqualTo(draft);
                    assertThat(e.record().files()).extracting(FileRef::textStatus).containsExactly(TextStatus.EXTRACTED);
                });
    }

    @Test
    void aRetryWithThePlannedIdReturnsTheRecordAlreadyWritten() {
        Record first = catalogue.createFromFile("planned-2", fields("Premier"), file("sha-b"), "le texte");
        int eventsAfterFirst = events.size();

        Record again = catalogue.createFromFile("planned-2", fields("Second essai"), file("sha-b"), "le texte");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.title()).isEqualTo("Premier");
        assertThat(mongo.getCollection("records").countDocuments(new Document("_id", "planned-2"))).isEqualTo(1);
        assertThat(mongo.getCollection(IndexQueue.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(events).hasSize(eventsAfterFirst);
    }

    private static RecordFields fields(String title) {
        return new RecordFields(title, null, List.of(), null, "2024", "rapport", "fr", null, List.of(), List.of(),
                null, null);
    }

    private static FileRef file(String sha) {
        return new FileRef(sha, sha + ".pdf", "application/pdf", 10, 1, 8, false, TextStatus.EXTRACTED);
    }
}
