package org.lakou.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadCacheTest {

    @Test
    void aValueIsComputedOnceUntilInvalidated() {
        ReadCache<String, Integer> cache = new ReadCache<>(4);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", loads::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("a", loads::incrementAndGet)).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get("a", loads::incrementAndGet)).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    /** The race the generation guards against: a read that began before a write ends after it. */
    @Test
    void aValueComputedWhileTheDataChangedIsNotKept() {
        ReadCache<String, String> cache = new ReadCache<>(4);
        String read = cache.get("k", () -> {
            cache.invalidate(); // a write lands while the old data is being read
            return "before the write";
        });
        assertThat(read).isEqualTo("before the write");
        assertThat(cache.get("k", () -> "after the write")).isEqualTo("after the write");
        assertThat(cache.get("k", () -> "not asked")).isEqualTo("after the write");
    }

    @Test
    void theLeastRecentlyUsedKeyGoesFirst() {
        ReadCache<Integer, String> cache = new ReadCache<>(2);
        cache.get(1, () -> "one");
        cache.get(2, () -> "two");
        cache.get(1, () -> "not asked");
        cache.get(3, () -> "three");
        assertThat(cache.get(1, () -> "reloaded")).isEqualTo("one");
        assertThat(cache.get(2, () -> "reloaded")).isEqualTo("reloaded");
    }
}
