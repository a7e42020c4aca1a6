package org.lakou.oai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch of the indexer remembers the records' OAI sets in one read and one bulk write, with the
 * same outcome as remembering each record alone: the histories only grow, and what comes back is
 * every set each record was ever in.
 */
class SetHistoryBatchTest {

    private MongoServer server;
    private MongoClient client;
    private SetHistory history;

    @BeforeEach
    void start() {
        server = new MongoServer(KeyOrderedH2Backend.open(null, 8));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        history = new SetHistory(new MongoTemplate(client, "set-history-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchRemembersLikeOneRecordAtATime() {
        history.remember("a", List.of("type:rapport", "collection:fonds-1"));
        history.remember("b", List.of("type:etude"));

        Map<String, Set<String>> ever = history.rememberAll(Map.of(
                "a", List.of("type:rapport"),              // left a set: kept in its history
                "b", List.of("type:guide"),                // moved: both sets now
                "c", List.of("type:rapport", "subject:x"))); // never seen before

        assertThat(ever.get("a")).containsExactlyInAnyOrder("type:rapport", "collection:fonds-1");
        assertThat(ever.get("b")).containsExactlyInAnyOrder("type:etude", "type:guide");
        assertThat(ever.get("c")).containsExactlyInAnyOrder("type:rapport", "subject:x");
        // what was written is what a record-by-record read finds
        assertThat(history.everIn("b")).containsExactlyInAnyOrder("type:etude", "type:guide");
        assertThat(history.everIn("c")).containsExactlyInAnyOrder("type:rapport", "subject:x");
        assertThat(history.everIn(List.of("a", "b", "c", "never-indexed")))
                .containsOnlyKeys("a", "b", "c");
    }
}
