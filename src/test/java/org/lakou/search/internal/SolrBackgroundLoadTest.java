package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.search.SearchProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The embedded node loads on a thread of its own while the context goes on (issue 13, start-up),
 * and the start waits for it before the web server opens, failing as before when a core cannot load.
 */
class SolrBackgroundLoadTest {

    @TempDir
    Path dir;

    @Test
    void theBeanIsReturnedBeforeTheCoresHaveLoadedAndTheBarrierWaitsForThem() throws Exception {
        try (SolrConnection solr = new SolrConfiguration().solrConnection(props(dir.resolve("solr")), null)) {
            // loading the two cores takes seconds; before, the bean method returned only after it
            assertThat(solr.loaded()).as("loaded when the bean was returned").isFalse();

            SolrReadyBarrier barrier = new SolrReadyBarrier(solr);
            barrier.start();

            assertThat(barrier.isRunning()).isTrue();
            assertThat(solr.loaded()).isTrue();
            assertThat(solr.client().query(solr.collection(), new SolrQuery("*:*").setRows(0)).getResults()
                    .getNumFound()).isZero();
            assertThat(Files.isDirectory(dir.resolve("solr/configsets/catalogue"))).isTrue();
        }
    }

    @Test
    void aNodeThatCannotLoadFailsTheStartAndEveryCall() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("solr-home-is-a-file"), "x");
        try (SolrConnection solr = new SolrConfiguration().solrConnection(props(notADirectory), null)) {
            assertThatThrownBy(() -> new SolrReadyBarrier(solr).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Embedded Solr did not load");
            assertThatThrownBy(solr::client).isInstanceOf(SolrUnavailableException.class);
            assertThat(solr.loaded()).isFalse();
        }
    }

    @Test
    void theBarrierBlocksUntilTheNodeIsLoadedAndRunsBeforeTheWebServer() throws Exception {
        CompletableFuture<SolrConnection.Node> node = new CompletableFuture<>();
        SolrConnection solr = new SolrConnection(node, "catalogue", "concepts", SearchProperties.Mode.EMBEDDED);
        SolrReadyBarrier barrier = new SolrReadyBarrier(solr);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                barrier.start();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        starter.start();

        starter.join(300);
        assertThat(starter.isAlive()).as("still waiting for the node").isTrue();
        assertThat(barrier.isRunning()).isFalse();

        node.complete(new SolrConnection.Node(null, null));
        starter.join(10_000);
        assertThat(starter.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(barrier.isRunning()).isTrue();
        // lower phases start first: the port must not open on an index that is still loading
        assertThat(barrier.getPhase()).isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
    }

    private static SearchProperties props(Path home) {
        return new SearchProperties(SearchProperties.Mode.EMBEDDED, null, List.of(), null, "catalogue", "concepts",
                home, 200, Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofHours(6), Duration.ofSeconds(30));
    }
}
