package org.lakou.oai;

import java.time.Duration;

import org.lakou.search.SearchApi;
import org.lakou.search.SearchProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting until changes are visible to OAI lists: indexed, and the datestamp delay passed. */
final class OaiTestSupport {

    private OaiTestSupport() {
    }

    static void awaitOai(SearchApi search, SearchProperties properties) {
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        try {
            Thread.sleep(properties.feedDelay().toMillis() + 300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
