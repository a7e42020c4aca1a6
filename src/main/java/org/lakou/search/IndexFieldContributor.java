package org.lakou.search;

import java.util.List;
import java.util.Map;

import org.lakou.catalogue.Record;

/**
 * Lets another module store extra fields in a record's Solr document at indexing time (the OAI
 * module renders its XML this way), so the search module depends on nobody above it.
 * Implementations are Spring beans; they run on the indexer thread, for tombstones too.
 */
public interface IndexFieldContributor {

    /**
     * Field names must end in a suffix the schema declares dynamically: {@code _s}, {@code _ss}
     * (strings), {@code _xml} (stored only), {@code _dt} (an {@link java.time.Instant}) or
     * {@code _l} (a long). Other names are refused with a log line, never sent to Solr.
     */
    Map<String, Object> fieldsFor(Record record);

    /**
     * Called on the indexer thread with a whole batch just before its {@link #fieldsFor} calls, so a
     * contributor that reads MongoDB for each record can read the batch in one query instead: a
     * reindex of 100,000 records otherwise pays 100,000 round trips per such contributor.
     */
    default void prepare(List<Record> batch) {
    }
}
