package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.RecordStatus;
import org.lakou.catalogue.TextStatus;

/**
 * The listener learns from the event whether a created record has file text: an ingested file's
 * draft, whose text ingest registers itself, costs no read of the record it was just written as.
 * The catalogue here only counts the calls made to it.
 */
class RecordChangeListenerTest {

    private final List<String> calls = new ArrayList<>();
    private final Record ingested = record("r-1", new FileRef("sha-1", "rapport.pdf", "application/pdf", 10, 1, 5_000,
            false, TextStatus.EXTRACTED));
    private final CatalogueApi catalogue = (CatalogueApi) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CatalogueApi.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return "find".equals(method.getName()) ? Optional.of(ingested) : null;
            });
    // an ingested draft needs neither: ingest registers its text, with the text in hand
    private final RecordChangeListener listener = new RecordChangeListener(catalogue, null, null);

    @Test
    void anIngestedDraftIsNotReadBack() {
        listener.on(new RecordChanged("r-1", 1, Change.CREATED, ingested));

        assertThat(calls).isEmpty();
    }

    @Test
    void anEventWithoutTheRecordStillReadsIt() {
        listener.on(new RecordChanged("r-1", 1, Change.CREATED));

        assertThat(calls).containsExactly("find");
    }

    private static Record record(String id, FileRef file) {
        Instant now = Instant.parse("2026-12-07T05:00:00Z");
        return new Record(id, "Rapport", null, List.of(), null, "2024", "rapport", "fr", null, List.of(), List.of(),
                null, AccessLevel.PUBLIC, RecordStatus.DRAFT, List.of(file), List.of(), now, now, 1, false, List.of(),
                null);
    }
}
