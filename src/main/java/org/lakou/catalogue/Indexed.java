package org.lakou.catalogue;

/**
 * A record that reached the index at {@code version}. {@code stamp} is null for a record that no
 * longer exists: only its outbox entry is left to clear.
 */
public record Indexed(String recordId, long version, IndexStamp stamp) {
}
