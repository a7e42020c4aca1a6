package org.lakou.ingest;

import java.time.Instant;

/**
 * A record's file was sent to someone (not a revalidation answered 304). Usage figures cannot be
 * rebuilt afterwards, so whoever counts them listens for this.
 *
 * @param memberId the account that downloaded, null when anonymous
 * @param staff    whether that account is staff: their downloads are work, not use of the collection
 */
public record FileDownloaded(String recordId, String fileId, String memberId, boolean staff, Instant at) {
}
