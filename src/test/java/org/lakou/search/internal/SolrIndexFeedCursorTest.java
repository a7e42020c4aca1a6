package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feed writes Solr's cursor itself from the token's {@code (seq, id)}; it must be exactly what
 * Solr hands out as {@code nextCursorMark} after that document, or pages would skip or repeat.
 */
class SolrIndexFeedCursorTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SolrConnection solr;

    @Test
    void theCursorWrittenFromSeqAndIdIsSolrsOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            catalogue.publish(catalogue.create(new RecordFields("Curseur n°" + i, null, List.of("Ville caraïbe"), null,
                    "2014", "rapport", "fr", null, List.of(), List.of(), "Curseurs", null)).id());
        }
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrIndexFeed.SEQ + ":[* TO *]")
                .setSort(SolrIndexFeed.SEQ, SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc).setRows(2)
                .setFields("id", SolrIndexFeed.SEQ);
        q.set(CursorMarkParams.CURSOR_MARK_PARAM, CursorMarkParams.CURSOR_MARK_START);
        QueryResponse r = solr.client().query(solr.collection(), q);
        SolrDocument last = r.getResults().get(r.getResults().size() - 1);

        String ours = SolrIndexFeed.cursorMark(((Number) last.getFieldValue(SolrIndexFeed.SEQ)).longValue(),
                (String) last.getFieldValue("id"));

        assertThat(ours).isEqualTo(r.getNextCursorMark());
    }
}
