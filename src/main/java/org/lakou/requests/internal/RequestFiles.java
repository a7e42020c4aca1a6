package org.lakou.requests.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bson.Document;
import org.bson.types.Binary;
import org.lakou.shared.ApiException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Files attached to answers, {@code request_files/_id = SHA-256}: the same bytes are stored once.
 * They are small by configuration, so one document each is enough.
 */
@Component
class RequestFiles {

    static final String COLLECTION = "request_files";

    private final MongoTemplate mongo;

    RequestFiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String store(byte[] bytes) {
        String id = sha256(bytes);
        if (mongo.findById(id, Document.class, COLLECTION) == null) {
            mongo.save(new Document("_id", id).append("data", new Binary(bytes)), COLLECTION);
        }
        return id;
    }

    byte[] read(String id) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        if (d == null) {
            throw ApiException.notFound("File", id);
        }
        return d.get("data", Binary.class).getData();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
