package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.duplicates.FrenchReports;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What the start-up backfill repairs: a record from before this feature (no signature at all) and
 * a record a crash left between its signature and its buckets.
 */
class NearDuplicateRecoveryTest extends IntegrationTestBase {

    private static final Viewer STAFF = new Viewer("staff", Viewer.Level.DOCUMENTALIST);

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SignatureBackfill backfill;
    @Autowired
    NearDuplicateService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SignatureStore store;

    @Test
    void theBackfillGivesOldRecordsASignature() {
        String text = FrenchReports.report(7001, 1).get(0);
        Record old = catalogue.create(fields("Ancienne notice", text));
        forget(old.id()); // as if it predated near-duplicate detection
        Record fresh = catalogue.create(fields("Nouvelle notice", text));
        assertThat(ids(fresh)).doesNotContain(old.id());

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        assertThat(ids(old)).contains(fresh.id());
        assertThat(ids(fresh)).contains(old.id());
    }

    @Test
    void aCrashBetweenSignatureAndBucketsIsRepairedByARerun() {
        String text = FrenchReports.report(7101, 1).get(0);
        Record first = catalogue.create(fields("Première saisie", text));
        // the crash: signature written, bucket entries and the final mark never made
        mongo.updateFirst(byId(first.id()), new Update().set("bucketed", false), SignatureStore.SIGNATURES);
        mongo.updateMulti(new Query(), new Update().pull("ids", first.id()), SignatureStore.BUCKETS);
        Record second = catalogue.create(fields("Seconde saisie", text));
        assertThat(ids(second)).doesNotContain(first.id());

        backfill.run();

        assertThat(ids(second)).contains(first.id());
        assertThat(ids(first)).contains(second.id());
        Document sig = mongo.findById(first.id(), Document.class, SignatureStore.SIGNATURES);
        assertThat(sig.getBoolean("bucketed")).isTrue();
    }

    @Test
    void aBucketCreatedMeanwhileByAnotherIngestIsJoinedNotLost() {
        List<String> keys = List.of("99:race-a", "99:race-b");
        store.addToBuckets("first", keys, java.util.Set.of());
        // the second ingest read the buckets before the first created them: both look missing to it
        store.addToBuckets("second", keys, java.util.Set.of());
        assertThat(store.buckets(keys).members()).containsExactlyInAnyOrder("first", "second");
        assertThat(store.buckets(keys).existing()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void anotherNodeHoldingTheLeaseMeansThisOneWaits() {
        mongo.insert(new Document("_id", SignatureBackfill.LEASE).append("holder", "another-node")
                .append("until", java.util.Date.from(clock.instant().plusSeconds(60))), "job_leases");
        try {
            assertThat(backfill.run()).isZero();
        } finally {
            mongo.remove(byId(SignatureBackfill.LEASE), "job_leases");
        }
    }

    private List<String> ids(Record r) {
        return service.nearDuplicates(r.id(), STAFF).stream().map(NearDuplicate::id).toList();
    }

    private void forget(String id) {
        mongo.remove(byId(id), SignatureStore.SIGNATURES);
        mongo.updateMulti(new Query(), new Update().pull("ids", id), SignatureStore.BUCKETS);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of(), null, "2015", "rapport", "fr", summary, List.of(),
                List.of(), null, null);
    }
}
