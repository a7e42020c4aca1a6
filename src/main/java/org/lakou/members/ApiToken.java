package org.lakou.members;

import java.time.Instant;

/**
 * A personal API token as listed: never the secret. {@code secret} is filled once, in the answer
 * to its creation; only its SHA-256 is stored.
 */
public record ApiToken(String id, String name, Instant created, Instant lastUsed, String secret) {
}
