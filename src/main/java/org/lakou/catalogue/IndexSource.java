package org.lakou.catalogue;

import java.time.Instant;

/**
 * What the indexer needs of one record: the record, the extracted text of its files (empty for a
 * deleted record or one without text), the stamp of its last indexing, null before the first, and
 * when it was first published here (null for drafts never published and harvested copies).
 */
public record IndexSource(Record record, String text, IndexStamp stamp, Instant firstPublished) {

    public IndexSource(Record record, String text, IndexStamp stamp) {
        this(record, text, stamp, null);
    }
}
