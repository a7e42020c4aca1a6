package org.lakou.oai.internal;

import java.time.Instant;

/** The HMAC key that signs resumption tokens, the same on every node and across restarts. */
public interface TokenKeys {

    byte[] key();

    /** When this repository's OAI face was first set up: the earliest datestamp of an empty feed. */
    Instant since();
}
