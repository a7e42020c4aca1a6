package org.lakou.members.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.lakou.members.ApiToken;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens. Only the SHA-256 of a token is stored, as its {@code _id}, so checking a
 * bearer header is one single-key read and a leaked database does not leak usable tokens. A token
 * has 256 random bits, so a fast hash is enough (no need for bcrypt's slowness).
 */
@Component
class TokenStore {

    static final String COLLECTION = "api_tokens";
    private static final String PREFIX = "lk_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    TokenStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record Found(String hash, String memberId, Instant lastUsed) {
    }

    ApiToken create(String memberId, String name) {
        String secret = newSecret(PREFIX);
        String id = Ids.newId();
        Instant now = clock.instant();
        mongo.insert(new Document("_id", hash(secret)).append("tokenId", id).append("memberId", memberId)
                .append("name", name).append("created", Date.from(now)), COLLECTION);
        return new ApiToken(id, name, now, null, secret);
    }

    Optional<Found> find(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String h = hash(secret);
        Document d = mongo.findById(h, Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        Date last = d.getDate("lastUsed");
        return Optional.of(new Found(h, d.getString("memberId"), last == null ? null : last.toInstant()));
    }

    /** Records use, at most once a minute per token, so a busy script does not write on every call. */
    void touch(Found token) {
        Instant now = clock.instant();
        if (token.lastUsed() == null || token.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(token.hash())),
                    Update.update("lastUsed", Date.from(now)), COLLECTION);
        }
    }

    /** A small collection (a few tokens per account), so this scan is cheap; never on a hot path. */
    List<ApiToken> list(String memberId) {
        Query q = Query.query(Criteria.where("memberId").is(memberId)).with(Sort.by("created"));
        return mongo.find(q, Document.class, COLLECTION).stream().map(TokenStore::summary).toList();
    }

    /** @return the hash of the revoked token, so caches can drop it */
    String revoke(String memberId, String tokenId) {
        Query q = Query.query(Criteria.where("memberId").is(memberId).and("tokenId").is(tokenId));
        Document d = mongo.findAndRemove(q, Document.class, COLLECTION);
        if (d == null) {
            throw ApiException.notFound("Token", tokenId);
        }
        return d.getString("_id");
    }

    private static ApiToken summary(Document d) {
        Date last = d.getDate("lastUsed");
        return new ApiToken(d.getString("tokenId"), d.getString("name"), d.getDate("created").toInstant(),
                last == null ? null : last.toInstant(), null);
    }

    /** 256 random bits, URL-safe, behind a prefix that tells what the secret is for. */
    static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
