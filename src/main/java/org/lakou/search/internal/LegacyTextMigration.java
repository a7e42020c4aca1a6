package org.lakou.search.internal;

import org.apache.solr.client.solrj.SolrQuery;
import org.lakou.catalogue.CatalogueApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An index written before the files' text was split by access level keeps every record's text in
 * the legacy {@code fulltext} field, which no query reads any more: those records would be found
 * by their metadata only, and the restricted text would stay on disk. While any document still
 * carries the field, every record is queued again at start-up; re-indexing rewrites each document
 * whole, so the field disappears as the indexer drains the outbox.
 */
@Component
class LegacyTextMigration {

    static final String LEGACY_FIELD = "fulltext";
    private static final Logger log = LoggerFactory.getLogger(LegacyTextMigration.class);

    private final SolrConnection solr;
    private final CatalogueApi catalogue;
    private final RecordIndexer indexer;

    LegacyTextMigration(SolrConnection solr, CatalogueApi catalogue, RecordIndexer indexer) {
        this.solr = solr;
        this.catalogue = catalogue;
        this.indexer = indexer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        try {
            long legacy = solr.client().query(solr.collection(),
                    new SolrQuery(LEGACY_FIELD + ":[* TO *]").setRows(0)).getResults().getNumFound();
            if (legacy > 0) {
                int n = catalogue.requeueAll();
                log.info("{} indexed record(s) still keep their text in the legacy '{}' field: re-indexing all {} "
                        + "record(s), so the text is searched by access level", legacy, LEGACY_FIELD, n);
                indexer.wake();
            }
        } catch (Exception e) {
            // Solr down at start: the check runs again at the next start; the indexer retries on its own
            log.warn("Could not check the index for legacy full-text fields: {}", SolrUnavailableException.describe(e));
        }
    }
}
