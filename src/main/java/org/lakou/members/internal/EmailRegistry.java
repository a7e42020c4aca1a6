package org.lakou.members.internal;

import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.lakou.shared.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * E-mail → account id, the e-mail (lower-cased) as {@code _id}: atomic uniqueness on any MongoDB
 * and the single-key lookup a login needs (mongo-java-server serves no secondary index).
 */
@Component
class EmailRegistry {

    private static final String COLLECTION = "member_emails";

    private final MongoTemplate mongo;

    EmailRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void claim(String email, String memberId) {
        try {
            mongo.insert(new Document("_id", normalise(email)).append("memberId", memberId), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("An account with this e-mail already exists").with("reason", "email-taken");
        }
    }

    void release(String email) {
        mongo.remove(Query.query(Criteria.where("_id").is(normalise(email))), COLLECTION);
    }

    Optional<String> memberOf(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        Document d = mongo.findById(normalise(email), Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> doc.getString("memberId"));
    }
}
