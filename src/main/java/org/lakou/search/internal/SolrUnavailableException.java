package org.lakou.search.internal;

/** Solr could not take or answer a request; the caller retries later rather than failing hard. */
class SolrUnavailableException extends RuntimeException {

    SolrUnavailableException(String message, Throwable cause) {
        super(message + ": " + describe(cause), cause);
    }

    /** One line, no stack: an outage must not flood the log. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (msg.isEmpty() ? "" : " (" + msg + ")");
    }
}
