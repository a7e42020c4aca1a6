package org.lakou.oai;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another node's indexer, seen from this one: while its MongoDB marker announces a batch numbered
 * below now, a list waits (a harvester resuming from this responseDate would otherwise miss the
 * batch), and answers as soon as the marker goes. A marker of this node's own, or an expired one,
 * holds nobody up.
 */
class OaiInFlightHttpTest extends IntegrationTestBase {

    private static final String MARKERS = "index_feed_inflight";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aListWaitsForAnotherNodesBatchInFlight() throws Exception {
        catalogue.publish(catalogue.create(new RecordFields("En vol ailleurs", null, List.of(), null, "2014", "rapport",
                "fr", null, List.of(), List.of(), "Autre noeud", null)).id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        TestHttp http = anonymous();
        String list = "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:autre-noeud";

        mongo.save(new Document("_id", "catalogue").append("from", clock.millis() - 5_000).append("node", "another-node")
                .append("expires", Date.from(clock.instant().plusSeconds(60))), MARKERS);
        long t0 = System.nanoTime();
        CompletableFuture<TestHttp.Response> waiting = CompletableFuture.supplyAsync(() -> http.get(list));
        Thread.sleep(1_500);
        assertThat(waiting).as("answered while another node's batch was in flight").isNotDone();
        mongo.remove(Query.query(Criteria.where("_id").is("catalogue")), MARKERS);
        TestHttp.Response r = waiting.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<identifier>oai:lakou.org:");
        assertThat(System.nanoTime() - t0).isGreaterThan(Duration.ofMillis(1_500).toNanos());

        // an expired marker (its node died mid-batch) is ignored
        mongo.save(new Document("_id", "catalogue").append("from", clock.millis() - 5_000).append("node", "dead-node")
                .append("expires", Date.from(clock.instant().minusSeconds(1))), MARKERS);
        assertThat(CompletableFuture.supplyAsync(() -> http.get(list)).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        mongo.remove(Query.query(Criteria.where("_id").is("catalogue")), MARKERS);
    }
}
