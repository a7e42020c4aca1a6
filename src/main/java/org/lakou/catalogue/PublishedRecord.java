package org.lakou.catalogue;

import java.time.Instant;

/** A record with the moment it was first published here, for "what is new" digests. */
public record PublishedRecord(Record record, Instant firstPublished) {
}
