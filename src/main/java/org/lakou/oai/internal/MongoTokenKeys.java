package org.lakou.oai.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The token key: {@code lakou.oai.token-secret} when configured, else a random 256-bit key created
 * once and kept in MongoDB ({@code oai_settings}), so every node signs and checks with the same key
 * and tokens outlive restarts. Two nodes starting together race on an insert by {@code _id}; the
 * loser reads the winner's key.
 */
public final class MongoTokenKeys implements TokenKeys {

    static final String COLLECTION = "oai_settings";
    private static final String ID = "token-key";

    private final byte[] key;
    private final Instant since;

    public MongoTokenKeys(OaiProperties properties, MongoTemplate mongo, Clock clock) {
        Document doc = mongo.findById(ID, Document.class, COLLECTION);
        if (doc == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", ID).append("key", new Binary(fresh))
                        .append("created", Date.from(clock.instant())), COLLECTION);
            } catch (DuplicateKeyException lostRace) {
                // another node created it first
            }
            doc = mongo.findById(ID, Document.class, COLLECTION);
        }
        this.since = doc.getDate("created").toInstant();
        String configured = properties.tokenSecret();
        this.key = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
                : doc.get("key", Binary.class).getData();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public Instant since() {
        return since;
    }
}
