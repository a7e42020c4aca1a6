package org.lakou.shared.internal.h2;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * A collection that also uses a unique index when the query names more fields than the index.
 * mongo-java-server only looks an index up when the query's fields are exactly the index's, so a
 * conditional write such as {@code {_id: barcode, loanId: x}} or {@code {_id: id, version: 3}},
 * the very shape of Lakou's writes without transactions, scanned the whole collection. Here the
 * index narrows the candidates and the full query is still applied to them, as MongoDB does.
 *
 * <p>Updates work on copies. mongo-java-server applies an update by changing, in place, the
 * document instance the query handed it, which here is the very instance H2 holds in its map, and
 * also in the older page version that a commit may be serialising at that moment: a field added or
 * removed during the encoding broke it ({@code ConcurrentModificationException}) and H2 closed the
 * store. A stored instance is therefore never changed after it is put; updates get deep copies.
 */
final class IndexedH2Collection extends H2Collection {

    /** The thread running an update, which must get copies; every update holds this collection's lock. */
    private volatile Thread updating;

    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
        Thread previous = updating;
        updating = Thread.currentThread();
        try {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        } finally {
            updating = previous;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Thread previous = updating;
        updating = Thread.currentThread();
        try {
            return super.findAndModify(query);
        } finally {
            updating = previous;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        QueryResult found = indexedOrScan(query, orderBy, skip, limit, batchSize, fieldSelector);
        if (updating != Thread.currentThread()) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        found.forEach(d -> copies.add(d.cloneDeeply()));
        return new QueryResult(copies, found.getCursorId());
    }

    private QueryResult indexedOrScan(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        for (Index<Object> index : getIndexes()) {
            Document narrowed = narrow(query, index);
            if (narrowed != null && index.canHandle(narrowed)) {
                Iterable<Object> candidates = index.getPositions(narrowed);
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** The query's conditions on exactly the index's fields, or null when the query is already that or lacks one. */
    static Document narrow(Document query, Index<Object> index) {
        if (query.size() <= index.getKeys().size()) {
            return null;
        }
        Document narrowed = new Document();
        for (IndexKey key : index.getKeys()) {
            Object value = query.get(key.getKey());
            if (value == null || value instanceof Document) {
                // absent, null or an operator: leave those to the general path
                return null;
            }
            narrowed.put(key.getKey(), value);
        }
        return narrowed;
    }
}
