package org.lakou.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.lakou.search.IndexFeed;
import org.lakou.search.SearchApi;

/**
 * Waiting until changes are visible to OAI lists: indexed, and every datestamp in the past. The
 * sequencer may have pushed datestamps further ahead than the configured delay after a slow commit
 * earlier in the run, so a fixed sleep is not enough.
 */
final class OaiTestSupport {

    private OaiTestSupport() {
    }

    static void awaitOai(SearchApi search, IndexFeed feed, Clock clock) {
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (feed.page(new IndexFeed.FeedQuery(clock.millis(), Long.MAX_VALUE, Map.of(), 1, List.of()))
                .numFound() > 0) {
            assertThat(System.nanoTime()).as("datestamps still in the future after 90 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
