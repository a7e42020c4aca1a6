package org.lakou.search;

import java.time.Duration;

/**
 * Searching the catalogue and looking after its index. The index is derived data: it can always
 * be rebuilt from MongoDB with {@link #reindex()}.
 */
public interface SearchApi {

    /**
     * @throws org.lakou.shared.ApiException 400 for an invalid query, 503 when Solr cannot answer
     */
    SearchResult search(SearchQuery query);

    /** Queues every record, tombstones included; the background indexer does the work. */
    int reindex();

    IndexStatus indexStatus();

    /**
     * Waits until the outbox is empty, i.e. every change made before the call is searchable.
     * For the CLI (reindex then exit), imports and tests; never call it on a request path.
     *
     * @return false when the timeout passed first
     */
    boolean awaitIndexed(Duration timeout);
}
