package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.search.internal.SolrTestAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A crash between the record write and its outbox write leaves a record Solr never hears of.
 * The test writes that state directly in Mongo (the record changed, no queue entry) and checks
 * that the reconciliation sweep finds it and the indexer then brings Solr up to date.
 */
class IndexCrashRepairTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void reconciliationIndexesARecordWhoseQueueEntryWasLost() {
        String coll = Fixtures.uniqueCollection();
        Record r = new Fixtures(catalogue).published(Fixtures.titled(coll, "Jardins partagés"));
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(new JsonHttp(baseUrl()).ids("q", "jardins", "collection", coll)).containsExactly(r.id());

        // the "crash": the record's new version is written, its queue write never happens
        Query byId = Query.query(Criteria.where("_id").is(r.id()));
        mongo.updateFirst(byId, new Update().set("title", "Potagers collectifs").inc("version", 1), "records");
        mongo.remove(byId, "index_queue");
        assertThat(catalogue.pendingIndexWork(10_000)).noneMatch(w -> w.recordId().equals(r.id()));
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(new JsonHttp(baseUrl()).ids("q", "potagers", "collection", coll)).isEmpty();

        assertThat(catalogue.reconcile()).isPositive();
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        JsonHttp http = new JsonHttp(baseUrl());
        assertThat(http.ids("q", "potagers", "collection", coll)).containsExactly(r.id());
        assertThat(http.ids("q", "jardins", "collection", coll)).isEmpty();
        // and the sweep now has nothing left to repair for this record
        assertThat(catalogue.reconcile()).isZero();
    }

    /**
     * kill -9 of the embedded store loses its last second of writes, possibly a record the indexer
     * had already committed to Solr: the index then holds a document MongoDB does not.
     */
    @Test
    void anIndexDocumentWhoseRecordWasLostIsRemoved() {
        String coll = Fixtures.uniqueCollection();
        Record kept = new Fixtures(catalogue).published(Fixtures.titled(coll, "Marché couvert"));
        Record lost = new Fixtures(catalogue).published(Fixtures.titled(coll, "Marché flottant"));
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        JsonHttp http = new JsonHttp(baseUrl());
        assertThat(http.ids("q", "marché", "collection", coll)).containsExactlyInAnyOrder(kept.id(), lost.id());

        mongo.remove(Query.query(Criteria.where("_id").is(lost.id())), "records");
        assertThat(SolrTestAccess.removeOrphans(context)).isPositive();

        assertThat(http.ids("q", "marché", "collection", coll)).containsExactly(kept.id());
        assertThat(SolrTestAccess.removeOrphans(context)).as("nothing left to remove").isZero();
    }

    @Test
    void indexingLeavesTheRecordVersionAlone() {
        Record r = new Fixtures(catalogue).published(Fixtures.titled(Fixtures.uniqueCollection(), "Maisons de santé"));
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        // the version is the ETag clients send back: marking a record indexed must not change it
        assertThat(catalogue.get(r.id()).version()).isEqualTo(r.version());
        assertThat(catalogue.reconcile()).isZero();
    }
}
