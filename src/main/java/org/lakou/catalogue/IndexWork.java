package org.lakou.catalogue;

/** One entry of the indexing outbox: this record must reach the index at least at this version. */
public record IndexWork(String recordId, long version) {
}
