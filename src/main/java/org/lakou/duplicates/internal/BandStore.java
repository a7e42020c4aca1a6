package org.lakou.duplicates.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The LSH buckets, merged: {@code near_dup_bands/_id = "07:9f3"} (band, then the first
 * {@link #PREFIX} hex digits of the band hash) holds {@code k: {"<other 13 hex digits>": [record
 * ids]}}. One document per band key, as before, made 16 documents per record: 1.6 million at
 * 100,000 records, which mongo-java-server inserts at a few thousand a second (an hour on a loaded
 * machine). Merged, there are at most 16 x 4,096 = 65,536 documents whatever the collection's
 * size, about 24 keys each (1 KB) at 100,000 records, and a check still reads 16 of them by
 * {@code _id $in} (served from the {@code _id} index: {@code bench/neardup} times it against a scan).
 * One more document, {@link #SCHEME_ID}, names the {@link MinHash#SCHEME} the bands were filed with.
 *
 * <p>A key holds at most {@link #CAP} records. Boilerplate (a template abstract, a standard annex
 * copied into every report) would otherwise make a few keys grow with the collection, and every
 * check touching one would read all those signatures. A new record still sees the first
 * {@link #CAP} holders, more than the {@link NearDuplicateService#MAX_MATCHES} a page shows, so a
 * copy of that text is still flagged; it is just not added to the full key.
 */
@Component
class BandStore {

    static final String BANDS = "near_dup_bands";
    /** The layout before merging: one document per band key; dropped, and its records re-bucketed. */
    static final String LEGACY = "near_dup_buckets";
    /** No band key looks like it: band keys start with two digits and a colon. */
    static final String SCHEME_ID = "scheme";
    static final int PREFIX = 3;
    static final int CAP = 64;
    /** Ids per {@code $in} query: big enough to be few queries, small enough for one reply. */
    private static final int SLICE = 1_000;
    private static final int NAME = 3 + PREFIX; // "07:" and the prefix

    private final MongoTemplate mongo;

    BandStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String docId(String key) {
        return key.substring(0, NAME);
    }

    static String entry(String key) {
        return key.substring(NAME);
    }

    /** The documents that exist among {@code docIds}: document id, then entry, then record ids. */
    Map<String, Map<String, List<String>>> read(Collection<String> docIds) {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        List<String> all = List.copyOf(docIds);
        for (int from = 0; from < all.size(); from += SLICE) {
            Query q = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + SLICE))));
            q.cursorBatchSize(SLICE);
            mongo.find(q, Document.class, BANDS).forEach(d -> out.put(d.getString("_id"), entries(d)));
        }
        return out;
    }

    private static Map<String, List<String>> entries(Document d) {
        Map<String, List<String>> out = new HashMap<>();
        Document k = d.get("k", Document.class);
        if (k != null) {
            k.keySet().forEach(entry -> out.put(entry, k.getList(entry, String.class)));
        }
        return out;
    }

    /**
     * Adds record ids under entries: documents absent from {@code existing} in one insert, the
     * others by {@code $addToSet} in one unordered bulk. Should another writer have created one
     * of the "absent" documents meanwhile (a duplicate key), those go through the upsert too,
     * which is idempotent for whatever the insert already wrote.
     */
    void add(Map<String, Map<String, List<String>>> additions, Set<String> existing) {
        List<Document> fresh = new ArrayList<>();
        Map<String, Map<String, List<String>>> updates = new HashMap<>();
        additions.forEach((docId, entries) -> {
            if (existing.contains(docId)) {
                updates.put(docId, entries);
            } else {
                fresh.add(new Document("_id", docId).append("k", new Document(new HashMap<>(entries))));
            }
        });
        if (!fresh.isEmpty()) {
            try {
                mongo.insert(fresh, BANDS);
            } catch (DataAccessException e) {
                fresh.forEach(d -> updates.put(d.getString("_id"), additions.get(d.getString("_id"))));
            }
        }
        upsert(updates);
    }

    private void upsert(Map<String, Map<String, List<String>>> updates) {
        if (updates.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BANDS);
        updates.forEach((docId, entries) -> {
            Update u = new Update();
            entries.forEach((entry, ids) -> u.addToSet("k." + entry).each(ids.toArray()));
            bulk.upsert(Query.query(Criteria.where("_id").is(docId)), u);
        });
        bulk.execute();
    }

    /** Whether the bands were filed with the current {@link MinHash#SCHEME}; not when there are none yet. */
    boolean schemeCurrent() {
        Document d = mongo.findById(SCHEME_ID, Document.class, BANDS);
        return d != null && Integer.valueOf(MinHash.SCHEME).equals(d.get("v"));
    }

    /**
     * Empties the bands and marks every signature as not bucketed, so that the backfill files them
     * all anew (and recomputes those of an older scheme); the scheme is written last, so that a
     * crash in between does it again. Also what a restored backup (no bands) or a new base gets.
     */
    void reset() {
        if (mongo.collectionExists(BANDS)) { // a new base has none, and mongo-java-server logs its absence as an error
            mongo.dropCollection(BANDS);
        }
        mongo.updateMulti(new Query(), new Update().set("bucketed", false), SignatureStore.SIGNATURES);
        mongo.save(new Document("_id", SCHEME_ID).append("v", MinHash.SCHEME), BANDS);
    }

    /**
     * Drops the one-document-per-key collection of earlier versions and marks every signature as
     * not bucketed, so the backfill files them anew. A one-off full update, at the first start.
     *
     * @return whether there was one
     */
    boolean dropLegacy() {
        if (!mongo.collectionExists(LEGACY)) {
            return false;
        }
        mongo.updateMulti(new Query(), new Update().set("bucketed", false), SignatureStore.SIGNATURES);
        mongo.dropCollection(LEGACY);
        return true;
    }
}
