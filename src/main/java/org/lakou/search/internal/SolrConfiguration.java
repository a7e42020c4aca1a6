package org.lakou.search.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.core.CoreContainer;
import org.lakou.search.SearchProperties;
import org.lakou.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the Solr client for the configured mode; SolrJ types stay inside this module. */
@Configuration(proxyBeanMethods = false)
class SolrConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SolrConfiguration.class);

    @Bean(destroyMethod = "close")
    SolrConnection solrConnection(SearchProperties props, StorageProperties storage) {
        String collection = props.collection();
        return switch (props.mode()) {
            case EMBEDDED -> embedded(props.solrHomeOr(storage), collection, props);
            case HTTP -> {
                log.info("Solr over HTTP at {}, collection {}", props.solrUrl(), collection);
                SolrClient client = httpBuilder(props.solrUrl()).withDefaultCollection(collection).build();
                yield new SolrConnection(client, collection, props.conceptsCollection(), props.mode());
            }
            case CLOUD -> {
                log.info("SolrCloud via ZooKeeper {}{}, collection {}", props.zkHosts(),
                        props.zkChroot() == null ? "" : props.zkChroot(), collection);
                SolrClient client = new CloudHttp2SolrClient.Builder(props.zkHosts(),
                        Optional.ofNullable(props.zkChroot()))
                        .withDefaultCollection(collection)
                        .withInternalClientBuilder(httpBuilder(null))
                        .build();
                yield new SolrConnection(client, collection, props.conceptsCollection(), props.mode());
            }
        };
    }

    /** Starts loading the cores on a thread of its own; see {@link SolrConnection}. */
    private static SolrConnection embedded(Path home, String collection, SearchProperties props) {
        CompletableFuture<SolrConnection.Node> node = new CompletableFuture<>();
        Thread loader = new Thread(() -> load(home, collection, props.conceptsCollection(), node), "lakou-solr-load");
        loader.setDaemon(true);
        loader.start();
        return new SolrConnection(node, collection, props.conceptsCollection(), props.mode());
    }

    private static void load(Path home, String collection, String concepts, CompletableFuture<SolrConnection.Node> node) {
        CoreContainer container = null;
        try {
            EmbeddedSolrHome.prepare(home, collection, concepts);
            long start = System.nanoTime();
            container = CoreContainer.createAndLoad(home);
            if (!container.getCoreInitFailures().isEmpty()) {
                throw new IllegalStateException("Solr core failed to load: " + container.getCoreInitFailures());
            }
            log.info("Embedded Solr loaded from {} in {} ms", home, (System.nanoTime() - start) / 1_000_000);
            node.complete(new SolrConnection.Node(new EmbeddedSolrServer(container, collection), container));
        } catch (Throwable e) { // an Error too: the start-up barrier must hear of it rather than wait forever
            if (container != null) {
                container.shutdown();
            }
            node.completeExceptionally(e);
        }
    }

    /**
     * Bounded timeouts: a dead node must fail a request within seconds, so the indexer backs off
     * and search answers 503 instead of hanging a servlet thread.
     */
    private static Http2SolrClient.Builder httpBuilder(String url) {
        Http2SolrClient.Builder b = url == null ? new Http2SolrClient.Builder() : new Http2SolrClient.Builder(url);
        b.withConnectionTimeout(5, TimeUnit.SECONDS)
                .withIdleTimeout(60, TimeUnit.SECONDS)
                .withRequestTimeout(120, TimeUnit.SECONDS);
        return b;
    }
}
