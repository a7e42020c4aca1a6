package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * The bulk path (backfill, benchmark set-up) stores what one-by-one registration would, the
 * bucket cap holds against boilerplate, and the layout of earlier versions is migrated.
 */
class BulkRegistrationTest extends IntegrationTestBase {

    private static final Viewer STAFF = new Viewer("staff", Viewer.Level.DOCUMENTALIST);

    @Autowired
    BulkRegistration bulk;
    @Autowired
    BucketFiler filer;
    @Autowired
    BandStore bands;
    @Autowired
    PendingFiler pendingFiler;
    @Autowired
    SignatureStore store;
    @Autowired
    SignatureBackfill backfill;
    @Autowired
    NearDuplicateService service;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aBatchFindsItsNearDuplicatesInsideItAndAmongTheRecordsAlreadyFiled() {
        String run = Long.toString(System.nanoTime());
        List<String> pages = FrenchReports.report(8001, 15);
        List<String> corrected = new java.util.ArrayList<>(pages);
        corrected.set(8, FrenchReports.report(8002, 1).get(0));
        Record filed = catalogue.create(fields("Déjà là", pages.get(0)));
        Map<String, int[]> batch = new LinkedHashMap<>();
        batch.put("v1-" + run, MinHash.signature(String.join("\n", pages)));
        batch.put("v2-" + run, MinHash.signature(String.join("\n", corrected)));
        batch.put("other-" + run, MinHash.signature(String.join("\n", FrenchReports.report(8003, 6))));
        batch.put("alone-" + run, MinHash.signature(pages.get(0)));
        batch.put("empty-" + run, null);

        bulk.register(batch);

        assertThat(matches("v1-" + run)).containsOnlyKeys("v2-" + run);
        assertThat(matches("v2-" + run)).containsOnlyKeys("v1-" + run);
        assertThat(matches("v2-" + run).get("v1-" + run)).isBetween(0.8, 0.99);
        assertThat(matches("other-" + run)).isEmpty();
        // the same first page as the record filed before: both sides know
        assertThat(matches("alone-" + run)).containsOnlyKeys(filed.id());
        assertThat(matches(filed.id())).containsKey("alone-" + run);
        assertThat(store.complete(batch.keySet())).containsExactlyInAnyOrder("v1-" + run, "v2-" + run,
                "other-" + run, "alone-" + run);
        // and a record registered afterwards, one by one, meets the batch in the buckets
        Record later = catalogue.create(fields("Après", pages.get(0)));
        assertThat(matches(later.id())).containsKey(filed.id());
        pendingFiler.drain(); // a single registration is filed in the buckets by the background filer
        assertThat(filer.plan(Map.of("probe", batch.get("alone-" + run)), 0, MinHash.BANDS).candidates()
                .get("probe")).contains("alone-" + run, filed.id(), later.id());
    }

    @Test
    void aKeySharedByBoilerplateStopsGrowingAtTheCapButCopiesAreStillFlagged() {
        String text = FrenchReports.report(8101, 1).get(0);
        Record original = catalogue.create(fields("Modèle", text));
        int[] sig = store.signatures(List.of(original.id())).get(original.id());
        Map<String, int[]> copies = new LinkedHashMap<>();
        for (int i = 0; i < BandStore.CAP + 10; i++) {
            copies.put("copy-" + i + "-" + System.nanoTime(), sig);
        }

        bulk.register(copies);

        String key = MinHash.bandKey(sig, 5);
        List<String> held = bands.read(List.of(BandStore.docId(key))).get(BandStore.docId(key))
                .get(BandStore.entry(key));
        assertThat(held).hasSize(BandStore.CAP).contains(original.id());
        String last = List.copyOf(copies.keySet()).get(BandStore.CAP + 9);
        assertThat(held).doesNotContain(last);
        assertThat(matches(last)).hasSize(NearDuplicateService.MAX_MATCHES);
        // a new copy, one by one, meets the first holders, the original among them
        Record copy = catalogue.create(fields("Copie", text));
        assertThat(service.nearDuplicates(copy.id(), STAFF)).extracting(NearDuplicate::id).contains(original.id());
        assertThat(bands.read(List.of(BandStore.docId(key))).get(BandStore.docId(key)).get(BandStore.entry(key)))
                .hasSize(BandStore.CAP).doesNotContain(copy.id());
    }

    @Test
    void theOneDocumentPerKeyLayoutIsDroppedAndItsRecordsFiledAgain() {
        String text = FrenchReports.report(8201, 1).get(0);
        Record old = catalogue.create(fields("Ancien format", text));
        // as an earlier version left it: a bucket per key in the old collection, none in the new one
        for (String key : MinHash.bandKeys(MinHash.signature(text))) {
            mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(BandStore.docId(key))),
                    new org.springframework.data.mongodb.core.query.Update().pull("k." + BandStore.entry(key),
                            old.id()), BandStore.BANDS);
        }
        mongo.insert(new Document("_id", "07:0123456789abcdef").append("ids", List.of(old.id())), BandStore.LEGACY);

        backfill.run();

        assertThat(mongo.collectionExists(BandStore.LEGACY)).isFalse();
        Record copy = catalogue.create(fields("Nouveau format", text));
        assertThat(service.nearDuplicates(copy.id(), STAFF)).extracting(NearDuplicate::id).contains(old.id());
    }

    private Map<String, Double> matches(String id) {
        Map<String, Double> out = new LinkedHashMap<>();
        store.matches(id).forEach(m -> out.put(m.id(), m.similarity()));
        return out;
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of(), null, "2015", "rapport", "fr", summary, List.of(),
                List.of(), null, null);
    }
}
