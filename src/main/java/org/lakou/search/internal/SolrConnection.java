package org.lakou.search.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 *
 * <p>The embedded node loads on a thread of its own while the rest of the context is built (it
 * was a third of the start-up on the main thread); {@link SolrReadyBarrier} holds the web server
 * back until it has loaded, so no request and no test ever sees a context whose index is missing.
 */
final class SolrConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolrConnection.class);

    /** A loaded node: the client, and in embedded mode the container behind it. */
    record Node(SolrClient client, CoreContainer container) {
    }

    private final CompletableFuture<Node> node;
    private final String collection;
    private final String conceptsCollection;
    private final Mode mode;

    SolrConnection(SolrClient client, String collection, String conceptsCollection, Mode mode) {
        this(CompletableFuture.completedFuture(new Node(client, null)), collection, conceptsCollection, mode);
    }

    /** A node that is still loading: every call waits for it. */
    SolrConnection(CompletableFuture<Node> node, String collection, String conceptsCollection, Mode mode) {
        this.node = node;
        this.collection = collection;
        this.conceptsCollection = conceptsCollection;
        this.mode = mode;
    }

    /** Waits for the node if it is still loading; a node that failed to load fails every call. */
    SolrClient client() {
        return awaitLoaded().client();
    }

    boolean loaded() {
        return node.isDone() && !node.isCompletedExceptionally();
    }

    Node awaitLoaded() {
        try {
            return node.join();
        } catch (CompletionException e) {
            throw new SolrUnavailableException("Embedded Solr did not load", e.getCause());
        }
    }

    String collection() {
        return collection;
    }

    /** The thesaurus concepts, for the subject Tagger. */
    String conceptsCollection() {
        return conceptsCollection;
    }

    Mode mode() {
        return mode;
    }

    /** A context closed while the node loads (a failed start) waits for it, so no core stays open. */
    @Override
    public void close() {
        Node n;
        try {
            n = node.join();
        } catch (CompletionException e) {
            return; // the loader shut its container down
        }
        try {
            n.client().close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the Solr client failed: {}", e.toString());
        }
        if (n.container() != null && !n.container().isShutDown()) {
            n.container().shutdown();
        }
    }
}
