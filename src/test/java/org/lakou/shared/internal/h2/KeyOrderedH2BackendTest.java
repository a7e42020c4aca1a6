package org.lakou.shared.internal.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyOrderedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWrittenByThePlainBackendIsResortedAndEveryKeyIsFoundAgain() {
        String file = dir.resolve("store.mv").toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ids.add((i % 3 == 0 ? "b-" : "a-") + Integer.toString(i * 7919 % 1000, 36) + "-" + i);
        }
        Document mixed = mixed("mixed-old");
        withServer(new H2Backend(file), coll -> {
            coll.insertOne(mixed);
            coll.createIndex(Indexes.ascending("barcode"), new IndexOptions().unique(true));
            ids.forEach(id -> coll.insertOne(new Document("_id", id).append("barcode", "BC" + id).append("n", 1)));
        });

        Consumer<MongoCollection<Document>> everyKeyReachable = coll -> {
            for (String id : ids.subList(1, ids.size())) {
                assertThat(coll.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
                assertThat(coll.find(Filters.eq("barcode", "BC" + id)).first()).as(id).isNotNull();
            }
            assertThatThrownBy(() -> coll.insertOne(new Document("_id", ids.get(5))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> coll.insertOne(new Document("_id", "new").append("barcode", "BC" + ids.get(9))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        };
        withServer(KeyOrderedH2Backend.open(file, 8), coll -> {
            // written as Java serialisation by the plain backend, read back through the new value type
            assertThat(coll.find(Filters.eq("_id", "mixed-old")).first()).isEqualTo(mixed);
            coll.insertOne(mixed("mixed-new"));
            coll.updateOne(Filters.eq("_id", "mixed-old"), new Document("$set", new Document("touched", true)));
            everyKeyReachable.accept(coll);
            assertThat(coll.deleteOne(Filters.eq("_id", ids.get(0))).getDeletedCount()).isEqualTo(1);
            coll.insertOne(new Document("_id", 42).append("barcode", 42L));
        });
        // reopened: already in value order, nothing to re-sort, still consistent
        withServer(KeyOrderedH2Backend.open(file, 8), coll -> {
            assertThat(coll.find(Filters.eq("_id", ids.get(0))).first()).isNull();
            assertThat(coll.find(Filters.eq("_id", 42)).first()).isNotNull();
            assertThat(coll.countDocuments()).isEqualTo(ids.size() + 2);
            assertThat(coll.find(Filters.eq("_id", "mixed-new")).first()).isEqualTo(mixed("mixed-new"));
            assertThat(coll.find(Filters.eq("_id", "mixed-old")).first()).isEqualTo(mixed.append("touched", true));
            everyKeyReachable.accept(coll);
        });
    }

    @Test
    void keysOfMixedTypesKeepMongoDbOrderAndIdentity() {
        KeyValueDataType type = new KeyValueDataType();
        var one = new de.bwaldvogel.mongo.backend.KeyValue(1);
        var two = new de.bwaldvogel.mongo.backend.KeyValue(2.5);
        var text = new de.bwaldvogel.mongo.backend.KeyValue("1");
        assertThat(type.compare(one, two)).isNegative();
        assertThat(type.compare(two, text)).isNegative(); // numbers sort before strings in MongoDB
        assertThat(type.compare(text, one)).isPositive();
        assertThat(type.compare(one, new de.bwaldvogel.mongo.backend.KeyValue(1))).isZero();
        assertThat(type.compare(new de.bwaldvogel.mongo.backend.KeyValue("a", 1),
                new de.bwaldvogel.mongo.backend.KeyValue("a", 2))).isNegative();
    }

    @Test
    void aConditionalWriteOnIdMatchesOnlyWhenEveryConditionHolds() {
        withServer(KeyOrderedH2Backend.open(dir.resolve("c.mv").toString(), 8), coll -> {
            for (int i = 0; i < 50; i++) {
                coll.insertOne(new Document("_id", "B" + i).append("loanId", "L" + i).append("renewals", 0));
            }
            assertThat(coll.updateOne(Filters.and(Filters.eq("_id", "B7"), Filters.eq("loanId", "L8")),
                    new Document("$inc", new Document("renewals", 1))).getModifiedCount()).isZero();
            assertThat(coll.updateOne(Filters.and(Filters.eq("_id", "B7"), Filters.eq("loanId", "L7")),
                    new Document("$inc", new Document("renewals", 1))).getModifiedCount()).isEqualTo(1);
            assertThat(coll.find(Filters.and(Filters.eq("_id", "B7"), Filters.eq("renewals", 1))).first()).isNotNull();
            assertThat(coll.deleteOne(Filters.and(Filters.eq("_id", "B9"), Filters.eq("loanId", "L7"))).getDeletedCount())
                    .isZero();
            assertThat(coll.deleteOne(Filters.and(Filters.eq("_id", "B9"), Filters.eq("loanId", "L9"))).getDeletedCount())
                    .isEqualTo(1);
            assertThat(coll.countDocuments(Filters.and(Filters.in("_id", "B1", "B2"), Filters.eq("renewals", 0))))
                    .isEqualTo(2);
        });
    }

    @Test
    void onlyPlainValuesOnEveryIndexedFieldNarrowAQuery() {
        var store = new org.h2.mvstore.MVStore.Builder().open();
        var byId = new KeyOrderedUniqueIndex(IndexKeyOrder.open(store, "x._index__id_"), "_id_",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("_id", true)), false);
        var d = (java.util.function.Function<Object[], de.bwaldvogel.mongo.bson.Document>) kv -> {
            var doc = new de.bwaldvogel.mongo.bson.Document();
            for (int i = 0; i < kv.length; i += 2) {
                doc.put((String) kv[i], kv[i + 1]);
            }
            return doc;
        };
        assertThat(IndexedH2Collection.narrow(d.apply(new Object[] {"_id", "B1", "loanId", "L1"}), byId))
                .isEqualTo(d.apply(new Object[] {"_id", "B1"}));
        assertThat(IndexedH2Collection.narrow(d.apply(new Object[] {"_id", "B1"}), byId)).isNull();
        assertThat(IndexedH2Collection.narrow(d.apply(new Object[] {"loanId", "L1", "x", 1}), byId)).isNull();
        assertThat(IndexedH2Collection.narrow(d.apply(new Object[] {"_id", d.apply(new Object[] {"$in", List.of("B1")}),
                "loanId", "L1"}), byId)).isNull();
        store.close();
    }

    /** One of each value kind Lakou stores, so the stored form must round-trip every one. */
    private static Document mixed(String id) {
        return new Document("_id", id).append("barcode", "BC-" + id).append("text", "Médiation sociale — été").append("int", 42)
                .append("long", 1L << 40).append("double", 2.5).append("flag", true).append("none", null)
                .append("date", new java.util.Date(1_700_000_000_000L)).append("oid", new org.bson.types.ObjectId("6b086e7b06ba8b4eb03a3888"))
                .append("list", List.of("a", 1, List.of(2.0))).append("nested", new Document("k", new Document("v", "w")))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}));
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("t").getCollection("c"));
        } finally {
            server.shutdownNow();
        }
    }
}
