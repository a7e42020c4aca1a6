package org.lakou.oai.internal;

import java.time.Instant;

/**
 * What one OAI request learns and leaves behind for paging: the moment it is answered (its
 * responseDate; lists stop there), the {@code from}/{@code until} arguments (from the request or
 * the client's token), the last position delivered by the previous page (read from the token),
 * the last position of this page (written into the next token), and when the token issued now
 * expires. A position is the feed's {@code (seq, record id)} pair. One instance per request, so
 * nothing is shared between threads.
 */
final class PageState {

    private final Instant now;
    private final Instant expiresAt;
    private Instant from;
    private Instant until;
    private Long lastSeqIn;
    private String lastIdIn;
    private long lastSeqOut = -1;
    private String lastIdOut;

    PageState(Instant now, Instant expiresAt) {
        this.now = now;
        this.expiresAt = expiresAt;
    }

    Instant now() {
        return now;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Inclusive, at second granularity; null when not given. */
    Instant from() {
        return from;
    }

    /** Inclusive, at second granularity; null when not given. */
    Instant until() {
        return until;
    }

    void dates(Instant from, Instant until) {
        this.from = from;
        this.until = until;
    }

    /** The last seq the harvester already has, or null on a first request. */
    Long lastSeqIn() {
        return lastSeqIn;
    }

    /** The id delivered at {@link #lastSeqIn()}; null for a token of the earlier format. */
    String lastIdIn() {
        return lastIdIn;
    }

    void lastIn(long seq, String id) {
        this.lastSeqIn = seq;
        this.lastIdIn = id;
    }

    long lastSeqOut() {
        return lastSeqOut;
    }

    String lastIdOut() {
        return lastIdOut;
    }

    void lastOut(long seq, String id) {
        this.lastSeqOut = seq;
        this.lastIdOut = id;
    }
}
