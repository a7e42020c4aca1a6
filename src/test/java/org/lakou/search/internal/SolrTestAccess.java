package org.lakou.search.internal;

import org.apache.solr.client.solrj.util.ClientUtils;
import org.springframework.context.ApplicationContext;

/** For tests that must damage the index behind the application's back, as a lost or wiped Solr would. */
public final class SolrTestAccess {

    private SolrTestAccess() {
    }

    /** Deletes every catalogue document of one collection straight in Solr and commits; MongoDB is untouched. */
    public static void wipeCollection(ApplicationContext context, String collection) throws Exception {
        SolrConnection solr = context.getBean(SolrConnection.class);
        solr.client().deleteByQuery(solr.collection(), "collection:" + ClientUtils.escapeQueryChars(collection));
        solr.client().commit(solr.collection());
    }

    /** Deletes every catalogue document straight in Solr and commits; MongoDB is untouched. */
    public static void wipeIndex(ApplicationContext context) throws Exception {
        SolrConnection solr = context.getBean(SolrConnection.class);
        solr.client().deleteByQuery(solr.collection(), "*:*");
        solr.client().commit(solr.collection());
    }

    /** Runs the orphan check the indexer runs after start-up: index documents without a record go. */
    public static int removeOrphans(ApplicationContext context) {
        return context.getBean(IndexOrphans.class).removeIfOvercounted();
    }
}
