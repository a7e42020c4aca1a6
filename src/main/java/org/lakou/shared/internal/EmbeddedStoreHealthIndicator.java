package org.lakou.shared.internal;

import java.util.Optional;

import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The embedded MongoDB's file store. {@code ping} is answered by the wire server without touching
 * the store, so a store that H2 closed after a failed write (every later read and write then fails
 * with "This store is closed") still answered UP: this check says DOWN, with H2's reason.
 */
class EmbeddedStoreHealthIndicator extends AbstractHealthIndicator {

    private final KeyOrderedH2Backend backend;

    EmbeddedStoreHealthIndicator(KeyOrderedH2Backend backend) {
        super("Embedded MongoDB store check failed");
        this.backend = backend;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<String> failure = backend.failure();
        if (failure.isPresent()) {
            builder.down().withDetail("store", "closed").withDetail("reason", failure.get())
                    .withDetail("action", "restart Lakou; the file keeps every commit before the failure");
        } else {
            builder.up().withDetail("store", "open");
        }
    }
}
