package org.lakou.catalogue;

/**
 * What the indexer recorded about the indexed form of a record: its feed sequence number (the
 * epoch millisecond of its OAI datestamp) and a fingerprint of what was indexed. Re-indexing a
 * record whose fingerprint is unchanged keeps the sequence number, so its datestamp does not move.
 */
public record IndexStamp(long seq, String fingerprint) {
}
