package org.lakou.search.internal;

import java.io.IOException;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.core.CoreContainer;
import org.lakou.search.SearchProperties.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Solr client of the app and the collection it works on, whatever the mode. Every
 * request names the collection explicitly, so the same calls work on an embedded core, a single
 * Solr and SolrCloud. In embedded mode it also owns the CoreContainer, which
 * {@code EmbeddedSolrServer} does not shut down when it is handed one.
 */
final class SolrConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolrConnection.class);

    private final SolrClient client;
    private final String collection;
    private final Mode mode;
    private final CoreContainer container;

    SolrConnection(SolrClient client, String collection, Mode mode, CoreContainer container) {
        this.client = client;
        this.collection = collection;
        this.mode = mode;
        this.container = container;
    }

    SolrClient client() {
        return client;
    }

    String collection() {
        return collection;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the Solr client failed: {}", e.toString());
        }
        if (container != null && !container.isShutDown()) {
            container.shutdown();
        }
    }
}
