package org.lakou.oai.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The published sets, rebuilt at most once per {@code ttl}: the thesaurus and the collections
 * change rarely, and ListSets and every set-filtered list ask for them.
 */
public final class SetCatalogue {

    private final SetSpecs specs;
    private final OaiRecordSource source;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    public SetCatalogue(SetSpecs specs, OaiRecordSource source, Clock clock, Duration ttl) {
        this.specs = specs;
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    private record Snapshot(Map<String, String> sets, Instant built) {
    }

    /** Set spec to name, in publication order. */
    public Map<String, String> sets() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.built().plus(ttl).isBefore(now)) {
            s = new Snapshot(orderedCopy(specs.all(source.collections())), now);
            snapshot = s;
        }
        return s.sets();
    }

    public void invalidate() {
        snapshot = null;
    }

    private static Map<String, String> orderedCopy(Map<String, String> sets) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sets));
    }
}
