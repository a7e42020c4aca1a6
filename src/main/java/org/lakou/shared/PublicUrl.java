package org.lakou.shared;

import java.util.Optional;

/**
 * The address readers and partner centres use to reach this Lakou, for every absolute link Lakou
 * writes: OAI base URL and identifiers, MODS locations, e-mails, API links, feeds.
 *
 * <p>It is {@code lakou.public-url} when set (behind a proxy, the only reliable answer). Otherwise
 * it is derived from the request being served, honouring {@code X-Forwarded-*} through
 * {@code server.forward-headers-strategy=native}, from trusted proxies only; outside a request (a scheduled e-mail, the
 * indexer) it is {@code http://localhost:<port>}, so production sets {@code lakou.public-url}.
 */
public interface PublicUrl {

    /** Scheme, host, port and context path, without a trailing slash. */
    String base();

    /** True when {@code lakou.public-url} is configured, so the base never depends on a request. */
    boolean configured();

    /**
     * {@code lakou.files.public-url}: a second origin, pointing at this same server, that serves
     * public files, so uploaded bytes never render where the sessions live; empty when unset.
     */
    Optional<String> filesBase();

    /** {@code base() + path}; {@code path} starts with a slash. */
    default String resolve(String path) {
        return base() + path;
    }

    /** The record's public page (HTML for browsers, JSON for {@code Accept: application/json}). */
    default String record(String recordId) {
        return resolve("/records/" + recordId);
    }
}
