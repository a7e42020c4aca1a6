package org.lakou.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small read cache for answers the embedded MongoDB can only give by a full scan, dropped as a
 * whole by its owner whenever the data behind it changes ({@link #invalidate()}, called after the
 * write). Each value carries the generation it was computed in, and one computed while a write
 * ran is never kept: a reader that started before the write cannot store the old answer after it.
 * Bounded (least recently used first out), so a key per request cannot grow it without end.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final Map<K, Entry<V>> entries;

    public ReadCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached value, or {@code load}'s, kept unless the data changed while it was computed. */
    public V get(K key, Supplier<V> load) {
        long g = generation.get();
        synchronized (entries) {
            Entry<V> e = entries.get(key);
            if (e != null && e.generation() == g) {
                return e.value();
            }
        }
        V value = load.get();
        synchronized (entries) {
            if (generation.get() == g) {
                entries.put(key, new Entry<>(g, value));
            }
        }
        return value;
    }

    /** Call after every write the cached answers depend on. */
    public void invalidate() {
        generation.incrementAndGet();
        synchronized (entries) {
            entries.clear();
        }
    }
}
