package org.lakou.catalogue;

/**
 * Published after a record was written and queued for indexing. Listeners use it to wake up;
 * the queue, not the event, is what guarantees the change reaches the index.
 *
 * @param record the record as this write left it, so a listener in the writer's thread need not
 *               read back what was just written (one round trip per ingested file); null for
 *               events about many records or none ({@code recordId} null) and for a requeue
 */
public record RecordChanged(String recordId, long version, Change change, Record record) {

    public enum Change { CREATED, UPDATED, PUBLISHED, WITHDRAWN, DELETED, REQUEUED }

    /** Without the record: a listener that needs it reads it. */
    public RecordChanged(String recordId, long version, Change change) {
        this(recordId, version, change, null);
    }
}
