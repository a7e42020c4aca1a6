package org.lakou.requests;

/**
 * Published after a documentation request was submitted or moved on in its workflow, for read
 * caches built from the requests (the inbox badge, the activity report).
 */
public record RequestChanged(String requestId, RequestStatus status) {
}
