package org.lakou.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import org.lakou.catalogue.HarvestWrite;
import org.lakou.catalogue.HarvestWrite.Outcome;
import org.lakou.catalogue.Provenance;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordChanged.Change;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Local copies of partner records. The id is a hash of (source, OAI identifier), so every write is
 * an {@code _id} lookup, cheap on mongo-java-server, and a record harvested twice is one copy.
 */
@Component
class HarvestedCopies {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final MongoTemplate mongo;
    private final Clock clock;

    HarvestedCopies(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String idOf(String sourceId, String oaiIdentifier) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((sourceId + "\n" + oaiIdentifier).getBytes(StandardCharsets.UTF_8));
            char[] out = new char[16];
            out[0] = 'h';
            for (int i = 1; i < out.length; i++) {
                out[i] = ALPHABET[(h[i] & 0xff) % ALPHABET.length];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param save writes the document (versioned) and queues it for indexing */
    HarvestWrite upsert(Provenance p, RecordFields fields, BiFunction<RecordDocument, Change, Record> save) {
        String id = idOf(p.sourceId(), p.oaiIdentifier());
        RecordDocument doc = mongo.findById(id, RecordDocument.class);
        if (doc != null && !doc.deleted && doc.toRecord().fields().equals(fields)
                && Objects.equals(doc.provenance == null ? null : doc.provenance.sourceName(), p.sourceName())) {
            return new HarvestWrite(doc.toRecord(), Outcome.UNCHANGED);
        }
        boolean added = doc == null || doc.deleted;
        if (doc == null) {
            doc = new RecordDocument();
            doc.id = id;
            doc.created = clock.instant();
            doc.files = new ArrayList<>();
        }
        doc.apply(fields);
        doc.status = RecordStatus.PUBLISHED;
        doc.deleted = false;
        doc.provenance = p;
        doc.reviewNotes = new ArrayList<>(List.of());
        return new HarvestWrite(save.apply(doc, added ? Change.CREATED : Change.UPDATED),
                added ? Outcome.ADDED : Outcome.UPDATED);
    }

    HarvestWrite remove(String sourceId, String oaiIdentifier, BiFunction<RecordDocument, Change, Record> save) {
        RecordDocument doc = mongo.findById(idOf(sourceId, oaiIdentifier), RecordDocument.class);
        if (doc == null || doc.deleted) {
            return new HarvestWrite(doc == null ? null : doc.toRecord(), Outcome.UNCHANGED);
        }
        doc.deleted = true;
        return new HarvestWrite(save.apply(doc, Change.DELETED), Outcome.DELETED);
    }
}
