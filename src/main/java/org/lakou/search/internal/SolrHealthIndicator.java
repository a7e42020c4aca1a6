package org.lakou.search.internal;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Asks the collection itself, not the node: a live Solr whose collection has no active replica
 * cannot serve searches, and an empty query is what every mode (embedded, single, cloud) answers.
 */
@Component("solr")
class SolrHealthIndicator extends AbstractHealthIndicator {

    private final SolrConnection solr;
    private final RecordIndexer indexer;

    SolrHealthIndicator(SolrConnection solr, RecordIndexer indexer) {
        super("Solr query failed");
        this.solr = solr;
        this.indexer = indexer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        QueryResponse rsp = solr.client().query(solr.collection(), new SolrQuery("*:*").setRows(0));
        builder.up()
                .withDetail("mode", solr.mode().name().toLowerCase())
                .withDetail("collection", solr.collection())
                .withDetail("documents", rsp.getResults().getNumFound())
                .withDetail("queryTimeMs", rsp.getQTime());
        if (indexer.lastIndexed() != null) {
            builder.withDetail("lastIndexed", indexer.lastIndexed().toString());
        }
    }
}
