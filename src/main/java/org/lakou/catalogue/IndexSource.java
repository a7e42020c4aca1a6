package org.lakou.catalogue;

/**
 * What the indexer needs of one record: the record, the extracted text of its files (empty for a
 * deleted record or one without text), and the stamp of its last indexing, null before the first.
 */
public record IndexSource(Record record, String text, IndexStamp stamp) {
}
