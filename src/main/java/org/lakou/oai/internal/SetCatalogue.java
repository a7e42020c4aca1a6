package org.lakou.oai.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The published sets. The subject tree (a walk of the whole thesaurus) is kept for {@code ttl} and
 * dropped on every thesaurus change; the collections come from the index on every call (one facet
 * query), so a new collection is listed as soon as its first record is.
 */
public final class SetCatalogue {

    private final SetSpecs specs;
    private final OaiRecordSource source;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot subjects;

    public SetCatalogue(SetSpecs specs, OaiRecordSource source, Clock clock, Duration ttl) {
        this.specs = specs;
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    private record Snapshot(Map<String, String> sets, Instant built) {
    }

    /** Set spec to name, in publication order: types, collections, subjects. */
    public Map<String, String> sets() {
        Snapshot s = subjects;
        Instant now = clock.instant();
        if (s == null || s.built().plus(ttl).isBefore(now)) {
            s = new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(specs.subjects())), now);
            subjects = s;
        }
        Map<String, String> all = new LinkedHashMap<>(specs.typesAndCollections(source.collections()));
        all.putAll(s.sets());
        return all;
    }

    public void invalidate() {
        subjects = null;
    }
}
