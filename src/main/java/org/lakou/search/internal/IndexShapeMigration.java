package org.lakou.search.internal;

import org.apache.solr.client.solrj.SolrQuery;
import org.lakou.catalogue.CatalogueApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Copy fields and new fields only reach documents written after the schema gained them: an index
 * built before the spell field and the first-publication date would offer no corrections and
 * ignore publishedAfter (so saved-search digests would stay empty), and one built before the text
 * was split by access level keeps every record's text in the legacy {@code fulltext} field, which
 * no query reads (those records would be found by metadata only, the restricted text left on disk).
 * Both predate {@link RecordDocuments#CURRENT_REV}: while any document carries an older revision,
 * every record is queued again at start-up; re-indexing rewrites each document whole, and the
 * check repeats at each start until the outbox has drained.
 */
@Component
class IndexShapeMigration {

    /** Where every level's text went before the split; never written since revision 2. */
    static final String LEGACY_FIELD = "fulltext";
    private static final Logger log = LoggerFactory.getLogger(IndexShapeMigration.class);

    private final SolrConnection solr;
    private final CatalogueApi catalogue;
    private final RecordIndexer indexer;

    IndexShapeMigration(SolrConnection solr, CatalogueApi catalogue, RecordIndexer indexer) {
        this.solr = solr;
        this.catalogue = catalogue;
        this.indexer = indexer;
    }

    /** Documents written with an older shape; the revision field is absent before revision 2. */
    static String staleQuery() {
        return "*:* -" + RecordDocuments.DOC_REV + ":[" + RecordDocuments.CURRENT_REV + " TO *]";
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        try {
            long stale = solr.client().query(solr.collection(), new SolrQuery(staleQuery()).setRows(0))
                    .getResults().getNumFound();
            if (stale > 0) {
                int n = catalogue.requeueAll();
                log.info("{} indexed record(s) have an older document shape: re-indexing all {} record(s) "
                        + "(text searched by access level, spell checking and the publishedAfter filter need them)",
                        stale, n);
                indexer.wake();
            }
        } catch (Exception e) {
            // Solr down at start: the check runs again at the next start; the indexer retries on its own
            log.warn("Could not check the index's document shape: {}", SolrUnavailableException.describe(e));
        }
    }
}
