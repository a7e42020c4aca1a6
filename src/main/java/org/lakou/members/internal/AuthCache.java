package org.lakou.members.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.lakou.members.Member;
import org.springframework.stereotype.Component;

/**
 * A few seconds of memory for bearer-token authentications and for member lookups, so a busy
 * desk or script costs no Mongo read per call for who is calling or borrowing. Changes on this
 * node evict at once; on other nodes they take effect within the TTL.
 */
@Component
class AuthCache {

    private static final long TTL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(LakouUser user, String memberId, long until) {
    }

    private record MemberEntry(Member member, long until) {
    }

    private final Map<String, Entry> byTokenHash = new ConcurrentHashMap<>();
    private final Map<String, MemberEntry> byMemberId = new ConcurrentHashMap<>();
    /** Bumped by every eviction, so a read that started before a change cannot cache the old state. */
    private final AtomicLong generation = new AtomicLong();

    LakouUser token(String hash) {
        Entry e = byTokenHash.get(hash);
        if (e == null || e.until() < System.nanoTime()) {
            return null;
        }
        return e.user();
    }

    void putToken(String hash, LakouUser user) {
        if (byTokenHash.size() > MAX_ENTRIES) {
            byTokenHash.clear();
        }
        byTokenHash.put(hash, new Entry(user, user.memberId(), System.nanoTime() + TTL_NANOS));
    }

    Member member(String id) {
        MemberEntry e = byMemberId.get(id);
        return e == null || e.until() < System.nanoTime() ? null : e.member();
    }

    long generation() {
        return generation.get();
    }

    /** Caches {@code m} as read when the generation was {@code readAt}, unless something was evicted since. */
    void putMember(Member m, long readAt) {
        if (byMemberId.size() > MAX_ENTRIES) {
            byMemberId.clear();
        }
        byMemberId.put(m.id(), new MemberEntry(m, System.nanoTime() + TTL_NANOS));
        if (generation.get() != readAt) {
            byMemberId.remove(m.id());
        }
    }

    void evictToken(String hash) {
        generation.incrementAndGet();
        byTokenHash.remove(hash);
    }

    void evictMember(String memberId) {
        generation.incrementAndGet();
        byMemberId.remove(memberId);
        byTokenHash.values().removeIf(e -> e.memberId().equals(memberId));
    }
}
