package org.lakou.search;

import java.util.List;
import java.util.UUID;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;

/** Builds catalogue records for search tests, each set in its own collection so counts are exact. */
final class Fixtures {

    private final CatalogueApi catalogue;

    Fixtures(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    static String uniqueCollection() {
        return "test-" + UUID.randomUUID();
    }

    static RecordFields fields(String collection, String title, String type, String date, String language,
            List<String> creators, String summary) {
        return new RecordFields(title, null, creators, null, date, type, language, summary, List.of(), List.of(),
                collection, AccessLevel.PUBLIC);
    }

    static RecordFields titled(String collection, String title) {
        return fields(collection, title, "rapport", "2020", "fr", List.of(), null);
    }

    Record published(RecordFields f) {
        return catalogue.publish(catalogue.create(f).id());
    }

    Record draft(RecordFields f) {
        return catalogue.create(f);
    }

    static RecordFields withAccess(RecordFields f, AccessLevel level) {
        return new RecordFields(f.title(), f.subtitle(), f.creators(), f.publisher(), f.date(), f.type(),
                f.language(), f.summary(), f.subjects(), f.territories(), f.collection(), level);
    }
}
