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
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Signatures and LSH buckets in Mongo, every read and write by {@code _id} (mongo-java-server
 * serves only unique indexes; anything else scans). {@code near_dup_signatures/_id = recordId}
 * holds the signature (128 ints as 512 bytes), the matches found and {@code bucketed}, set once
 * the record is in all its buckets; {@code near_dup_buckets/_id = band:hash} holds record ids.
 * Bucket writes are {@code $addToSet} upserts, so repeating them is harmless.
 */
@Component
class SignatureStore {

    static final String SIGNATURES = "near_dup_signatures";
    static final String BUCKETS = "near_dup_buckets";

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

    /** What the buckets of one signature hold: the record ids, and which keys already have a document. */
    record Buckets(Set<String> members, Set<String> existing) {
    }

    /** The record ids in these buckets and which of them exist, in one query. */
    Buckets buckets(List<String> keys) {
        Set<String> members = new HashSet<>();
        Set<String> existing = new HashSet<>();
        mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, BUCKETS).forEach(d -> {
            existing.add(d.getString("_id"));
            members.addAll(d.getList("ids", String.class, List.of()));
        });
        return new Buckets(members, existing);
    }

    /**
     * Writes the record's signature (null: too little text) and matches, not yet bucketed. Matches
     * are a map from record id to similarity (Lakou's ids are letters and digits, safe as field
     * names), so the other side's link is one {@code $set}, idempotent.
     */
    void save(String id, int[] sig, List<Match> matches) {
        Document byId = new Document();
        matches.forEach(m -> byId.append(m.id(), m.similarity()));
        Document doc = new Document("_id", id).append("sig", sig == null ? null : new Binary(encode(sig)))
                .append("matches", byId).append("bucketed", false);
        mongo.save(doc, SIGNATURES);
    }

    /**
     * Adds the record to its buckets. Buckets the read found missing (all 32 for an unrelated text)
     * are inserted in one command, cheaper than 32 upserts; should another ingest have created one
     * meanwhile (a duplicate key), every key goes through the {@code $addToSet} upsert instead,
     * which is idempotent for the keys already inserted.
     */
    void addToBuckets(String id, List<String> keys, Set<String> existing) {
        List<String> missing = keys.stream().filter(k -> !existing.contains(k)).toList();
        if (!missing.isEmpty()) {
            try {
                mongo.insert(missing.stream().map(k -> new Document("_id", k).append("ids", List.of(id))).toList(),
                        BUCKETS);
            } catch (DataAccessException e) {
                upsert(id, keys);
                return;
            }
        }
        if (missing.size() < keys.size()) {
            upsert(id, keys.stream().filter(existing::contains).toList());
        }
    }

    private void upsert(String id, List<String> keys) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BUCKETS);
        for (String key : keys) {
            bulk.upsert(Query.query(Criteria.where("_id").is(key)), new Update().addToSet("ids", id));
        }
        bulk.execute();
    }

    /** Records the match on the other record's side too, with the newest similarity. */
    void link(String otherId, Match match) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(otherId)),
                new Update().set("matches." + match.id(), match.similarity()), SIGNATURES);
    }

    void markBucketed(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("bucketed", true), SIGNATURES);
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

    /** Those of {@code ids} whose signature is complete: present, with text, and in every bucket. */
    Set<String> complete(Collection<String> ids) {
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().include("_id", "bucketed", "sig");
        Set<String> out = new HashSet<>();
        mongo.find(q, Document.class, SIGNATURES).forEach(d -> {
            if (Boolean.TRUE.equals(d.getBoolean("bucketed")) && d.get("sig") != null) {
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
