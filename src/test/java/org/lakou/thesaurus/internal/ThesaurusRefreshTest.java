package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.thesaurus.FixtureScheme;
import org.lakou.thesaurus.ThesaurusApi;
import org.lakou.thesaurus.ThesaurusChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Another node applies a version (only Mongo changes): this node's poll picks it up and says so. */
@RecordApplicationEvents
class ThesaurusRefreshTest extends IntegrationTestBase {

    @Autowired
    ThesaurusApi thesaurus;

    @Autowired
    VersionStore store;

    @Autowired
    ThesaurusStartup startup;

    @Autowired
    ApplicationEvents events;

    @Test
    void versionsAppliedElsewhereAreLoadedByThePoll() {
        String base = "https://example.org/refresh" + System.nanoTime();
        var v1 = thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "f.ttl", "text/turtle",
                "test", true);
        thesaurus.importScheme(FixtureScheme.v2(base).getBytes(StandardCharsets.UTF_8), "f.ttl", "text/turtle", "test",
                false);
        assertThat(thesaurus.concept(base + "/c")).isEmpty();

        store.setCurrent(v1.schemeId(), 2);
        events.clear();
        startup.refresh();

        assertThat(thesaurus.concept(base + "/c")).isPresent();
        assertThat(thesaurus.concept(base + "/old").orElseThrow().deprecated()).isTrue();
        assertThat(events.stream(ThesaurusChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.affectedConcepts()).contains(base + "/c"));
    }
}
