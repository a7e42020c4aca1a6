package org.lakou.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.search.SearchProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether search lags behind MongoDB: the outbox backlog and how long its oldest entry has waited.
 * The status stays UP while the index is behind (the node still serves reads and takes writes, and a
 * load balancer must not drop it), so the detail {@code state} says {@code behind} or
 * {@code caught-up}; the {@code solr} component says whether Solr answers at all.
 */
@Component("indexing")
class IndexingHealthIndicator extends AbstractHealthIndicator {

    /** Above this the age query (a scan of the queue on mongo-java-server) is skipped: such a backlog is behind. */
    private static final long AGE_SCAN_LIMIT = 10_000;

    private final CatalogueApi catalogue;
    private final RecordIndexer indexer;
    private final Clock clock;
    private final Duration behindAfter;

    IndexingHealthIndicator(CatalogueApi catalogue, RecordIndexer indexer, Clock clock, SearchProperties props) {
        super("Outbox query failed");
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.clock = clock;
        this.behindAfter = props.behindAfter();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long backlog = catalogue.pendingIndexCount();
        Optional<Instant> oldest = backlog == 0 || backlog > AGE_SCAN_LIMIT ? Optional.empty()
                : catalogue.oldestPendingIndexWork();
        Optional<Duration> age = oldest.map(o -> Duration.between(o, clock.instant()));
        boolean behind = backlog > AGE_SCAN_LIMIT || age.filter(a -> a.compareTo(behindAfter) > 0).isPresent();
        builder.up().withDetail("state", behind ? "behind" : "caught-up").withDetail("backlog", backlog);
        age.ifPresent(a -> builder.withDetail("oldestPendingSeconds", Math.max(0, a.toSeconds())));
        builder.withDetail("indexerHere", indexer.holdsLease());
        if (indexer.lastError() != null) {
            builder.withDetail("lastError", indexer.lastError());
        }
    }
}
