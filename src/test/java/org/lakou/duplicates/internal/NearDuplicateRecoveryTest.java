package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    @Autowired
    BandStore bands;
    @Autowired
    PendingFiler pendingFiler;

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
        pendingFiler.drain();
        // the crash: signature written, never queued for filing, so never in the buckets nor marked
        mongo.updateFirst(byId(first.id()), new Update().set("bucketed", false), SignatureStore.SIGNATURES);
        unfile(first.id());
        Record second = catalogue.create(fields("Seconde saisie", text));
        assertThat(ids(second)).doesNotContain(first.id());

        backfill.run();

        assertThat(ids(second)).contains(first.id());
        assertThat(ids(first)).contains(second.id());
        Document sig = mongo.findById(first.id(), Document.class, SignatureStore.SIGNATURES);
        assertThat(sig.getBoolean("bucketed")).isTrue();
    }

    @Test
    void signaturesOfAnOlderSchemeAreRecomputedAndTheBandsRefiled() {
        String text = FrenchReports.report(7201, 1).get(0);
        Record old = catalogue.create(fields("Notice d'avant", text));
        pendingFiler.drain();
        unfile(old.id());
        // as an earlier version left it: a signature of another scheme, filed, in bands of that scheme
        int[] scheme1 = new java.util.SplittableRandom(1).ints(MinHash.HASHES).toArray();
        mongo.save(SignatureStore.document(old.id(), scheme1, Map.of(), true).append("v", 1),
                SignatureStore.SIGNATURES);
        mongo.save(new Document("_id", BandStore.SCHEME_ID).append("v", 1), BandStore.BANDS);
        bands.add(Map.of("00:abc", Map.of("1111111111111", List.of(old.id()))), Set.of()); // an entry of scheme 1
        Record copy = catalogue.create(fields("Notice d'après", text));
        assertThat(ids(copy)).as("an old-scheme signature compares as unrelated").doesNotContain(old.id());
        assertThat(store.complete(List.of(old.id()))).isEmpty();

        backfill.run();

        assertThat(bands.schemeCurrent()).isTrue();
        assertThat(bands.read(List.of("00:abc")).getOrDefault("00:abc", Map.of())).as("the bands of scheme 1 are gone")
                .doesNotContainKey("1111111111111");
        assertThat(ids(old)).contains(copy.id());
        assertThat(ids(copy)).contains(old.id());
        assertThat(store.complete(List.of(old.id(), copy.id()))).containsExactlyInAnyOrder(old.id(), copy.id());
        assertThat(store.signatures(List.of(old.id())).get(old.id())).isEqualTo(NearDuplicateService.signature(old, ""));
    }

    @Test
    void aBucketCreatedMeanwhileByAnotherIngestIsJoinedNotLost() {
        Map<String, Map<String, List<String>>> first = Map.of("99:rac", Map.of("e-a", List.of("first")),
                "99:rad", Map.of("e-b", List.of("first")));
        bands.add(first, Set.of());
        // the second ingest read the buckets before the first created them: both look missing to it
        bands.add(Map.of("99:rac", Map.of("e-a", List.of("second")), "99:rad", Map.of("e-c", List.of("second"))),
                Set.of());
        Map<String, Map<String, List<String>>> read = bands.read(List.of("99:rac", "99:rad"));
        assertThat(read.get("99:rac").get("e-a")).containsExactlyInAnyOrder("first", "second");
        assertThat(read.get("99:rad")).containsOnlyKeys("e-b", "e-c");
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
        pendingFiler.drain();
        unfile(id);
        mongo.remove(byId(id), SignatureStore.SIGNATURES);
    }

    /** Takes the record out of the bucket entries its stored signature files it in. */
    private void unfile(String id) {
        for (String key : MinHash.bandKeys(store.signatures(List.of(id)).get(id))) {
            mongo.updateFirst(byId(BandStore.docId(key)), new Update().pull("k." + BandStore.entry(key), id),
                    BandStore.BANDS);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of(), null, "2015", "rapport", "fr", summary, List.of(),
                List.of(), null, null);
    }
}
