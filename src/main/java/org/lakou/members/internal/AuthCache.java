package org.lakou.members.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A few seconds of memory for bearer-token authentications, so a busy script costs no Mongo read
 * per call. Changes on this node evict at once; on other nodes they take effect within the TTL.
 */
@Component
class AuthCache {

    private static final long TTL_NANOS = Duration.ofSeconds(5).toNanos();

    private record Entry(LakouUser user, String memberId, long until) {
    }

    private final Map<String, Entry> byTokenHash = new ConcurrentHashMap<>();

    LakouUser token(String hash) {
        Entry e = byTokenHash.get(hash);
        if (e == null || e.until() < System.nanoTime()) {
            return null;
        }
        return e.user();
    }

    void putToken(String hash, LakouUser user) {
        if (byTokenHash.size() > 10_000) {
            byTokenHash.clear();
        }
        byTokenHash.put(hash, new Entry(user, user.memberId(), System.nanoTime() + TTL_NANOS));
    }

    void evictToken(String hash) {
        byTokenHash.remove(hash);
    }

    void evictMember(String memberId) {
        byTokenHash.values().removeIf(e -> e.memberId().equals(memberId));
    }
}
