package org.lakou.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Index documents whose record MongoDB does not hold. A crash can leave them: the embedded store
 * keeps its last second of writes in memory, so a kill -9 may lose a record that the indexer had
 * already read and committed to Solr. Records are never removed (deletes are tombstones, indexed
 * too), so once the outbox is empty the index must count exactly as many documents as MongoDB
 * has records; more means orphans, and only then is the index walked to find them.
 */
@Component
class IndexOrphans {

    private static final Logger log = LoggerFactory.getLogger(IndexOrphans.class);
    private static final int PAGE = 500;

    private final CatalogueApi catalogue;
    private final SolrConnection solr;

    IndexOrphans(CatalogueApi catalogue, SolrConnection solr) {
        this.catalogue = catalogue;
        this.solr = solr;
    }

    /** Solr is counted before MongoDB: records written in between only make MongoDB's count larger. */
    int removeIfOvercounted() {
        try {
            long indexed = solr.client().query(solr.collection(), new SolrQuery("*:*").setRows(0))
                    .getResults().getNumFound();
            long records = catalogue.totalRecordCount();
            if (indexed <= records) {
                return 0;
            }
            int removed = sweep();
            log.warn("The index held {} document(s) for {} record(s): removed {} whose record MongoDB does not hold",
                    indexed, records, removed);
            return removed;
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Solr query failed", e);
        }
    }

    private int sweep() throws SolrServerException, IOException {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        int removed = 0;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setFields("id").setRows(PAGE).setSort("id", SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse rsp = solr.client().query(solr.collection(), q);
            List<String> ids = rsp.getResults().stream().map(d -> (String) d.getFieldValue("id")).toList();
            Set<String> known = catalogue.findAll(ids).stream().map(Record::id).collect(Collectors.toSet());
            List<String> orphans = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!orphans.isEmpty()) {
                solr.client().deleteById(solr.collection(), orphans);
                removed += orphans.size();
            }
            if (rsp.getNextCursorMark().equals(cursor)) {
                break;
            }
            cursor = rsp.getNextCursorMark();
        }
        if (removed > 0) {
            solr.client().commit(solr.collection());
        }
        return removed;
    }
}
