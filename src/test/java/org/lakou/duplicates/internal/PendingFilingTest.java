package org.lakou.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
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

/**
 * The check reads the buckets, the filing is queued: records checked while the filer has not
 * run yet still meet each other, and the queue survives until every record is in its buckets.
 */
class PendingFilingTest extends IntegrationTestBase {

    private static final Viewer STAFF = new Viewer("staff", Viewer.Level.DOCUMENTALIST);

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    NearDuplicateService service;
    @Autowired
    PendingFiler pendingFiler;
    @Autowired
    BucketFiler filer;
    @Autowired
    SignatureStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void recordsNotFiledYetMeetThroughTheQueueThenTheFilerFilesThem() {
        String text = FrenchReports.report(9001, 1).get(0);
        Record first;
        Record second;
        pendingFiler.lock.lock(); // the filer busy elsewhere: nothing reaches the buckets
        try {
            first = catalogue.create(fields("Premier", text));
            second = catalogue.create(fields("Second", text));
            assertThat(inBuckets(first)).isFalse();
            assertThat(queued(first.id())).isTrue();
            assertThat(ids(second)).contains(first.id());
            assertThat(ids(first)).contains(second.id());
        } finally {
            pendingFiler.lock.unlock();
        }

        pendingFiler.drain();

        assertThat(queued(first.id())).isFalse();
        assertThat(queued(second.id())).isFalse();
        assertThat(inBuckets(first)).isTrue();
        assertThat(store.complete(List.of(first.id(), second.id()))).containsExactlyInAnyOrder(first.id(), second.id());
        Record third = catalogue.create(fields("Troisième", text));
        assertThat(ids(third)).contains(first.id(), second.id());
    }

    /** Failed 5 times out of 5 before the queue: both read the buckets before either was filed. */
    @RepeatedTest(3)
    void twoIngestsRacingSeeEachOther(RepetitionInfo repetition) throws Exception {
        String text = FrenchReports.report(9100 + repetition.getCurrentRepetition(), 1).get(0);
        Record a = catalogue.create(fields("Course A", "court"));
        Record b = catalogue.create(fields("Course B", "court"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<NearDuplicate>>> done = List.of(pool.submit(registering(start, a, text)),
                    pool.submit(registering(start, b, text)));
            start.countDown();
            for (Future<List<NearDuplicate>> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids(a)).contains(b.id());
        assertThat(ids(b)).contains(a.id());
    }

    @Test
    void aQueuedRecordSurvivesACrashAndAFilingCutShortIsRedone() {
        String text = FrenchReports.report(9201, 1).get(0);
        Record r;
        pendingFiler.lock.lock();
        try {
            r = catalogue.create(fields("Avant la panne", text));
            // the drain of a node that crashed: buckets written, neither the mark nor the queue entry removed
            int[] sig = store.signatures(List.of(r.id())).get(r.id());
            filer.commit(filer.plan(java.util.Map.of(r.id(), sig), 0, MinHash.BANDS));
            assertThat(queued(r.id())).isTrue();
        } finally {
            pendingFiler.lock.unlock();
        }

        pendingFiler.drain();

        assertThat(queued(r.id())).isFalse();
        assertThat(store.complete(List.of(r.id()))).containsExactly(r.id());
        int[] sig = store.signatures(List.of(r.id())).get(r.id());
        String key = MinHash.bandKey(sig, 3);
        Document band = mongo.findById(BandStore.docId(key), Document.class, BandStore.BANDS);
        assertThat(band.get("k", Document.class).getList(BandStore.entry(key), String.class))
                .containsOnlyOnce(r.id());
    }

    @Test
    void anotherNodeHoldingTheFilingLeaseFilesTheQueueNotThisOne() {
        // this node may hold it already (its own background filer): taken over, as by a node that won it
        mongo.save(new Document("_id", PendingFiler.LEASE).append("holder", "another-node")
                .append("until", java.util.Date.from(clock.instant().plusSeconds(60))), "job_leases");
        Record r;
        try {
            r = catalogue.create(fields("Autre nœud", FrenchReports.report(9301, 1).get(0)));
            assertThat(pendingFiler.drain()).isZero();
            assertThat(queued(r.id())).isTrue();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(PendingFiler.LEASE)), "job_leases");
        }
        pendingFiler.drain();
        assertThat(queued(r.id())).isFalse();
    }

    @Test
    void theBackgroundFilerEmptiesTheQueueWithinSeconds() throws InterruptedException {
        Record r = catalogue.create(fields("En arrière-plan", FrenchReports.report(9401, 1).get(0)));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queued(r.id()) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(queued(r.id())).isFalse();
        assertThat(inBuckets(r)).isTrue();
    }

    private Callable<List<NearDuplicate>> registering(CountDownLatch start, Record r, String text) {
        return () -> {
            start.await();
            return service.register(r, text);
        };
    }

    private boolean queued(String id) {
        return mongo.findById(id, Document.class, PendingStore.PENDING) != null;
    }

    /** Whether the record is in the bucket entry of its first band, where the filer puts it. */
    private boolean inBuckets(Record r) {
        int[] sig = store.signatures(List.of(r.id())).get(r.id());
        String key = MinHash.bandKey(sig, 0);
        Document band = mongo.findById(BandStore.docId(key), Document.class, BandStore.BANDS);
        Document k = band == null ? null : band.get("k", Document.class);
        List<String> held = k == null ? null : k.getList(BandStore.entry(key), String.class);
        return held != null && held.contains(r.id());
    }

    private List<String> ids(Record r) {
        return service.nearDuplicates(r.id(), STAFF).stream().map(NearDuplicate::id).toList();
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of(), null, "2015", "rapport", "fr", summary, List.of(),
                List.of(), null, null);
    }
}
