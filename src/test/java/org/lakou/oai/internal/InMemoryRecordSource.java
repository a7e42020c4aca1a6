package org.lakou.oai.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.lakou.catalogue.Record;

/**
 * The feed as the search module keeps it, in memory: one entry per record, re-sequenced on every
 * change with the clock's millisecond, never below the last one (entries may share one), ordered
 * by (seq, record id).
 */
final class InMemoryRecordSource implements OaiRecordSource {

    private final Map<String, FeedEntry> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Position, FeedEntry> bySeq = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private final SetSpecs specs;
    private final DublinCoreRenderer dc;
    private final ModsRenderer mods;
    private final Map<String, String> collections = new TreeMap<>();
    private long lastSeq;
    volatile boolean down;
    volatile Throwable broken;

    InMemoryRecordSource(Clock clock, OaiProperties properties, SubjectVocabulary vocabulary) {
        this.clock = clock;
        this.specs = new SetSpecs(vocabulary);
        this.dc = new DublinCoreRenderer(vocabulary);
        this.mods = new ModsRenderer(properties, vocabulary);
    }

    /** Indexes the record's current state, as the indexer would after a change. */
    synchronized FeedEntry put(Record r) {
        OaiVisibility visibility = OaiVisibility.of(r);
        if (visibility == OaiVisibility.HIDDEN) {
            return null;
        }
        lastSeq = Math.max(clock.millis(), lastSeq);
        boolean deleted = visibility == OaiVisibility.TOMBSTONE;
        FeedEntry entry = new FeedEntry(r.id(), lastSeq, deleted, specs.of(r), deleted ? null : dc.render(r),
                deleted ? null : mods.render(r));
        FeedEntry old = byId.put(r.id(), entry);
        if (old != null) {
            bySeq.remove(new Position(old.seq(), old.recordId()));
        }
        bySeq.put(new Position(entry.seq(), entry.recordId()), entry);
        if (r.collection() != null) {
            collections.put(r.collection(), r.collection());
        }
        return entry;
    }

    @Override
    public FeedPage page(FeedQuery q) {
        check();
        List<FeedEntry> out = new ArrayList<>();
        long remaining = 0;
        Position after = new Position(q.afterSeq(), q.afterId() == null ? "\uffff" : q.afterId());
        for (FeedEntry e : bySeq.subMap(after, false, new Position(q.untilSeq(), ""), false).values()) {
            if (q.set() == null || e.sets().contains(q.set())) {
                remaining++;
                if (out.size() < q.size()) {
                    out.add(q.withXml() ? e : new FeedEntry(e.recordId(), e.seq(), e.deleted(), e.sets(), null, null));
                }
            }
        }
        return new FeedPage(out, remaining);
    }

    @Override
    public Optional<FeedEntry> find(String recordId) {
        check();
        return Optional.ofNullable(byId.get(recordId));
    }

    @Override
    public Optional<Instant> earliestDatestamp() {
        check();
        return bySeq.isEmpty() ? Optional.empty() : Optional.of(bySeq.firstEntry().getValue().datestamp());
    }

    @Override
    public synchronized List<String> collections() {
        return List.copyOf(collections.keySet());
    }

    /** The feed's order: seq, then record id. */
    private record Position(long seq, String id) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = Long.compare(seq, o.seq);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private void check() {
        if (down) {
            throw new FeedUnavailableException("Solr is down (test)", null);
        }
        if (broken instanceof RuntimeException e) {
            throw e;
        }
        if (broken instanceof Error e) {
            throw e;
        }
    }
}
