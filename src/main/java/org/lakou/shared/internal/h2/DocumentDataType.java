package org.lakou.shared.internal.h2;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Stored documents as BSON. H2's default type Java-serialises each document (class descriptors,
 * boxed values) every time a page is written, which kept a background thread busy for a tenth of
 * the CPU under load. BSON is what the documents came in as, so every stored value round-trips.
 * Pages written before are told apart by their first byte and still read the old way.
 */
final class DocumentDataType extends BasicDataType<Object> {

    /** Outside the tag range of {@link ObjectDataType} (0–119). */
    private static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();
    private volatile int averageSize = 512;

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document doc)) {
            legacy.write(buff, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(doc, bson);
            int size = bson.readableBytes();
            buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            averageSize = (averageSize * 15 + size) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        int p = buff.position();
        if (buff.get(p) != BSON) {
            return legacy.read(buff);
        }
        // a BSON document starts with its own length, little-endian
        int size = (buff.get(p + 1) & 0xff) | (buff.get(p + 2) & 0xff) << 8 | (buff.get(p + 3) & 0xff) << 16
                | (buff.get(p + 4) & 0xff) << 24;
        byte[] bytes = new byte[size];
        buff.position(p + 1);
        buff.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize * 3 : legacy.getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentDataType;
    }

    @Override
    public int hashCode() {
        return DocumentDataType.class.hashCode();
    }
}
