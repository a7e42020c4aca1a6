package org.lakou.shared.internal.h2;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB backend: mongo-java-server's H2 file store, except that unique indexes
 * compare keys by value (see {@link KeyValueDataType}) and are used by queries that name more
 * fields than the index (see {@link IndexedH2Collection}). Files written by the plain
 * {@link H2Backend} are re-sorted once on open.
 */
public final class KeyOrderedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(KeyOrderedH2Backend.class);

    private KeyOrderedH2Backend(MVStore store) {
        super(store);
    }

    public static KeyOrderedH2Backend open(String fileName, int cacheMb) {
        // H2 closes the store after a failed background write; say so loudly, not only on the next call
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMb)
                .backgroundExceptionHandler((thread, e) -> log.error(
                        "The embedded MongoDB store {} failed in its background writer and may be closed", fileName, e))
                .open();
        IndexKeyOrder.migrate(store);
        return new KeyOrderedH2Backend(store);
    }

    /**
     * Why the store no longer serves: H2 records a failed write as its panic and closes the store on
     * the next operation, so either one means every later call fails.
     */
    public Optional<String> failure() {
        MVStore store = getMvStore();
        MVStoreException panic = store.getPanicException();
        if (panic != null) {
            Throwable cause = panic.getCause();
            return Optional.of(panic.getMessage() + (cause == null ? "" : " (caused by " + cause + ")"));
        }
        return store.isClosed() ? Optional.of("The store is closed") : Optional.empty();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name);
    }

    /**
     * An inner class on purpose: the database opens its indexes from its super constructor, before
     * any field of its own is set, but the enclosing backend (and its store) is already reachable.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            String ns = getFullCollectionNamespace(collection);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + ns,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentDataType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + ns);
            return new IndexedH2Collection(this, collection, options, data, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String mapName = IndexKeyOrder.indexMapName(getFullCollectionNamespace(collection), indexName);
            return new KeyOrderedUniqueIndex(IndexKeyOrder.open(getMvStore(), mapName), indexName, keys, sparse);
        }
    }
}
