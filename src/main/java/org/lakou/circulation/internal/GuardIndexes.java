package org.lakou.circulation.internal;

import java.util.List;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Unique compound indexes on {@code _id} plus the guard field of every conditional write
 * ({@code {_id, loanId}}, {@code {_id, holdId}}, ...). They add nothing to uniqueness, but
 * mongo-java-server serves a query from a unique index only when the query's keys are exactly the
 * index's keys: with them, "delete this claim if it is still loan L" is a keyed lookup instead of
 * a scan of the collection. On a real MongoDB they are small and harmless.
 */
@Component
class GuardIndexes {

    private final MongoTemplate mongo;

    GuardIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void create() {
        index(ClaimStore.COLLECTION, "_id", "loanId");
        index(ClaimStore.COLLECTION, "_id", "holdId");
        index(ClaimStore.COLLECTION, "_id", "loanId", "renewals");
        index(SlotStore.COLLECTION, "_id", "loanId");
        index(DisplayQueue.COLLECTION, "_id", "seq");
        index(HoldStore.COLLECTION, "_id", "version");
    }

    private void index(String collection, String... keys) {
        mongo.getCollection(collection).createIndex(Indexes.ascending(List.of(keys)),
                new IndexOptions().unique(true).name(String.join("_", keys).replace("_id", "id") + "_guard"));
    }
}
