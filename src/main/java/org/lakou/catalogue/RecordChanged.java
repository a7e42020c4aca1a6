package org.lakou.catalogue;

/**
 * Published after a record was written and queued for indexing. Listeners use it to wake up;
 * the queue, not the event, is what guarantees the change reaches the index.
 */
public record RecordChanged(String recordId, long version, Change change) {

    public enum Change { CREATED, UPDATED, PUBLISHED, WITHDRAWN, DELETED, REQUEUED }
}
