package org.lakou.search;

import java.time.Instant;

/**
 * The index as an operator sees it. {@code queueSize} counts records waiting in the outbox
 * (cluster-wide); {@code lastIndexed} and {@code lastError} are this node's indexer's, and
 * {@code indexing} tells whether this node currently holds the indexer lease.
 */
public record IndexStatus(
        long queueSize,
        Instant lastIndexed,
        boolean solrReachable,
        String mode,
        String collection,
        Long documents,
        boolean indexing,
        String lastError) {
}
