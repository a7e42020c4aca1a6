package org.lakou.oai.internal;

/** The feed's store (Solr) cannot answer now; the provider replies 503 with Retry-After. */
public class FeedUnavailableException extends RuntimeException {

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
