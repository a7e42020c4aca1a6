package org.lakou.shared.internal.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentDataTypeTest {

    private final DocumentDataType type = new DocumentDataType();

    private static Document sample() {
        Document d = new Document("_id", "rec-1");
        d.put("title", "Renouvellement urbain à Fort-de-France");
        d.put("version", 3L);
        d.put("copies", List.of(new Document("barcode", "B1").append("status", "available")));
        d.put("modified", Instant.parse("2026-11-26T10:15:30Z"));
        d.put("oid", new ObjectId());
        return d;
    }

    @Test
    void documentsAreStoredAsTaggedBsonAndReadBackEqual() {
        WriteBuffer out = new WriteBuffer();
        type.write(out, sample());
        ByteBuffer stored = out.getBuffer().flip();
        assertThat(stored.get(0)).isEqualTo((byte) 0xB5);
        Document back = (Document) type.read(stored);
        Document expected = sample();
        expected.put("oid", back.get("oid"));
        assertThat(back).isEqualTo(expected);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void pagesWrittenByH2sDefaultTypeAreStillRead() {
        WriteBuffer out = new WriteBuffer();
        Document d = sample();
        new ObjectDataType().write(out, d);
        assertThat(type.read(out.getBuffer().flip())).isEqualTo(d);
    }

    @Test
    void indexKeysAreStoredAsTaggedBsonAndOldKeysAreStillRead() {
        KeyValueDataType keys = new KeyValueDataType();
        var key = new de.bwaldvogel.mongo.backend.KeyValue("B-001", 42, 7L, new ObjectId());
        WriteBuffer out = new WriteBuffer();
        keys.write(out, key);
        ByteBuffer stored = out.getBuffer().flip();
        assertThat(stored.get(0)).isEqualTo((byte) 0xB6);
        assertThat(keys.read(stored)).isEqualTo(key);
        assertThat(stored.remaining()).isZero();

        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, key);
        assertThat(keys.read(old.getBuffer().flip())).isEqualTo(key);
    }
}
