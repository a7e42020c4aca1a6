package org.lakou.duplicates.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Signatures and LSH buckets in Mongo, every read and write by {@code _id} (mongo-java-server
 * serves only unique indexes; anything else scans). {@code near_dup_signatures/_id = recordId}
 * holds the signature (128 ints as 512 bytes), its scheme {@code v} ({@link MinHash#SCHEME}), the
 * matches found and {@code bucketed}, set once the record is in all its buckets ({@link BandStore}).
 */
@Component
class SignatureStore {

    static final String SIGNATURES = "near_dup_signatures";
    private static final int INSERT_SLICE = 5_000;

    record Match(String id, double similarity) {
    }

    private final MongoTemplate mongo;

    SignatureStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The signatures of those of {@code ids} that have one, in one query. */
    Map<String, int[]> signatures(Collection<String> ids) {
        Map<String, int[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().include("_id", "sig");
        q.cursorBatchSize(500);
        mongo.find(q, Document.class, SIGNATURES).forEach(d -> {
            Binary sig = d.get("sig", Binary.class);
            if (sig != null) {
                out.put(d.getString("_id"), decode(sig.getData()));
            }
        });
        return out;
    }

    /**
     * Writes the record's signature (null: too little text) and matches, not yet bucketed. Matches
     * are a map from record id to similarity (Lakou's ids are letters and digits, safe as field
     * names), so the other side's link is one {@code $set}, idempotent.
     */
    void save(String id, int[] sig, List<Match> matches) {
        Map<String, Double> byId = new HashMap<>();
        matches.forEach(m -> byId.put(m.id(), m.similarity()));
        mongo.save(document(id, sig, byId, false), SIGNATURES);
    }

    /**
     * Writes many records' signatures at once, complete (the bulk path files the buckets and
     * links first): the ones there are removed, then all inserted, a few thousand per command.
     * A crash in between leaves records without a signature, which the backfill redoes.
     */
    void replaceAll(List<Document> docs) {
        for (int from = 0; from < docs.size(); from += INSERT_SLICE) {
            List<Document> slice = docs.subList(from, Math.min(docs.size(), from + INSERT_SLICE));
            List<Object> ids = slice.stream().map(d -> d.get("_id")).toList();
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), SIGNATURES);
            mongo.insert(slice, SIGNATURES);
        }
    }

    /** A signature document as {@link #save} writes it. */
    static Document document(String id, int[] sig, Map<String, Double> matches, boolean bucketed) {
        return new Document("_id", id).append("sig", sig == null ? null : new Binary(encode(sig)))
                .append("v", MinHash.SCHEME).append("matches", new Document(new HashMap<>(matches))).append("bucketed", bucketed);
    }

    /** Records the match on the other record's side too, with the newest similarity. */
    void link(String otherId, Match match) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(otherId)),
                new Update().set("matches." + match.id(), match.similarity()), SIGNATURES);
    }

    /** After a drain: one update for the whole batch. */
    void markBucketed(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("bucketed", true),
                    SIGNATURES);
        }
    }

    /**
     * Sets the matches a check found and links each match back, in one unordered bulk: one round
     * trip instead of one per match, on the ingest path.
     */
    void setMatchesAndLink(String id, List<Match> matches) {
        Document byId = new Document();
        matches.forEach(m -> byId.put(m.id(), m.similarity()));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SIGNATURES);
        bulk.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().set("matches", byId));
        matches.forEach(m -> bulk.updateOne(Query.query(Criteria.where("_id").is(m.id())),
                new Update().set("matches." + id, m.similarity())));
        bulk.execute();
    }

    List<Match> matches(String id) {
        Query q = Query.query(Criteria.where("_id").is(id));
        q.fields().include("matches");
        Document d = mongo.findOne(q, Document.class, SIGNATURES);
        Document byId = d == null ? null : d.get("matches", Document.class);
        List<Match> out = new ArrayList<>();
        if (byId != null) {
            byId.forEach((other, similarity) -> out.add(new Match(other, ((Number) similarity).doubleValue())));
        }
        return out;
    }

    /**
     * Those of {@code ids} whose signature is complete: present, with text, of the current scheme
     * (an older one compares as unrelated to every new signature), and in every bucket.
     */
    Set<String> complete(Collection<String> ids) {
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().include("_id", "bucketed", "sig", "v");
        Set<String> out = new HashSet<>();
        mongo.find(q, Document.class, SIGNATURES).forEach(d -> {
            if (Boolean.TRUE.equals(d.getBoolean("bucketed")) && d.get("sig") != null
                    && Integer.valueOf(MinHash.SCHEME).equals(d.get("v"))) {
                out.add(d.getString("_id"));
            }
        });
        return out;
    }

    static byte[] encode(int[] sig) {
        ByteBuffer buf = ByteBuffer.allocate(sig.length * Integer.BYTES);
        buf.asIntBuffer().put(sig);
        return buf.array();
    }

    static int[] decode(byte[] bytes) {
        int[] sig = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(sig);
        return sig;
    }
}
