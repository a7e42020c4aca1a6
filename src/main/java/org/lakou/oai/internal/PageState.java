package org.lakou.oai.internal;

import java.time.Instant;

/**
 * What one OAI request learns and leaves behind for paging: the last seq delivered by the previous
 * page (read from the client's token), the last seq of this page (written into the next token), and
 * when the token issued now expires. One instance per request, so nothing is shared between threads.
 */
final class PageState {

    private final Instant expiresAt;
    private Long lastSeqIn;
    private long lastSeqOut = -1;

    PageState(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** The last seq the harvester already has, or null on a first request. */
    Long lastSeqIn() {
        return lastSeqIn;
    }

    void lastSeqIn(long seq) {
        this.lastSeqIn = seq;
    }

    long lastSeqOut() {
        return lastSeqOut;
    }

    void lastSeqOut(long seq) {
        this.lastSeqOut = seq;
    }
}
