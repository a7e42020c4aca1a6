package org.lakou.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.lakou.search.IndexFeed;
import org.lakou.search.SearchApi;

/**
 * Waiting until changes are visible to OAI lists: indexed is enough, since no datestamp is ever
 * ahead of the clock (checked here on every call, so every OAI test keeps proving it).
 */
final class OaiTestSupport {

    private OaiTestSupport() {
    }

    static void awaitOai(SearchApi search, IndexFeed feed, Clock clock) {
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(feed.page(new IndexFeed.FeedQuery(clock.millis(), Long.MAX_VALUE, Map.of(), 1, List.of()))
                .numFound()).as("documents dated after the application's clock").isZero();
    }
}
