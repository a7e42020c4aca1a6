package org.lakou.circulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.circulation.Policy;
import org.lakou.members.Member;
import org.lakou.shared.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * 1,000 checkout attempts over 50 copies by 200 members on 32 threads. With a quota of 2 per
 * member for this document type, both the copy claim and the quota slot are contended. The
 * invariants are then checked in Mongo itself.
 */
class CheckoutConcurrencyTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;
    @Autowired
    MongoTemplate mongo;

    @Test
    void noCopyTwiceAndNoMemberOverQuota() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        circulation.putPolicy(new Policy("*", "annuaire", 2, 14, 1, true));
        List<String> barcodes = new ArrayList<>();
        Map<String, String> recordOf = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            Record r = f.record("annuaire", 2);
            f.barcodes(r).forEach(b -> {
                barcodes.add(b);
                recordOf.put(b, r.id());
            });
        }
        List<Member> members = f.members(200);
        Set<String> memberIds = ConcurrentHashMap.newKeySet();
        members.forEach(m -> memberIds.add(m.id()));

        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ok = new AtomicInteger();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        Random random = new Random(42);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // a few members hammer hard, so the quota race is real
            Member m = members.get(i % 4 == 0 ? random.nextInt(10) : random.nextInt(200));
            String barcode = barcodes.get(random.nextInt(barcodes.size()));
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    circulation.checkout(barcode, m.id());
                    ok.incrementAndGet();
                } catch (ApiException e) {
                    refusals.computeIfAbsent(String.valueOf(e.properties().get("reason")), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();

        int refused = refusals.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(ok.get() + refused).isEqualTo(1000);
        assertThat(refusals.keySet()).isSubsetOf("copy-on-loan", "quota-reached");
        assertThat(refusals.get("quota-reached")).as("the quota was contended").isNotNull();

        List<Document> claims = mongo.find(Query.query(Criteria.where("_id").in(barcodes)), Document.class, "loans");
        assertThat(claims).as("each success holds exactly one claim; _id = barcode forbids a second")
                .hasSize(ok.get());
        Map<String, Integer> perMember = new HashMap<>();
        for (Document c : claims) {
            assertThat(c.getString("state")).isEqualTo("loan");
            perMember.merge(c.getString("memberId"), 1, Integer::sum);
        }
        assertThat(perMember.values()).as("no member over the quota of 2").allMatch(n -> n <= 2);
        List<Document> slots = mongo.find(Query.query(Criteria.where("barcode").in(barcodes)), Document.class,
                "loan_slots");
        assertThat(slots).as("one quota slot per loan").hasSize(ok.get());
        for (Document s : slots) {
            String member = s.getString("_id").substring(0, s.getString("_id").indexOf('#'));
            assertThat(Integer.parseInt(s.getString("_id").substring(s.getString("_id").indexOf('#') + 1)))
                    .isBetween(1, 2);
            assertThat(claims).anySatisfy(c -> {
                assertThat(c.getString("loanId")).isEqualTo(s.getString("loanId"));
                assertThat(c.getString("memberId")).isEqualTo(member);
            });
        }

        // the record API shows exactly the claimed copies as on loan, the others available
        java.util.Set<String> out = new java.util.HashSet<>();
        claims.forEach(c -> out.add(c.getString("_id")));
        for (String recordId : new java.util.HashSet<>(recordOf.values())) {
            documentalist().get("/api/records/" + recordId).json().get("copies").valueStream()
                    .forEach(cp -> assertThat(cp.get("status").asString()).as(cp.get("barcode").asString())
                            .isEqualTo(out.contains(cp.get("barcode").asString()) ? "on-loan" : "available"));
        }
    }
}
