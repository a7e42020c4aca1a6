package org.lakou.shared.internal.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Index keys ordered by value, stored as BSON. H2's default type cannot compare mongo-java-server's
 * {@link KeyValue} (not {@code Comparable}), so it Java-serialises both keys on every comparison of
 * every B-tree search: a fifth of the CPU of a checkout. The order differs from the old byte
 * order, see {@link IndexKeyOrder}; keys written the old way are still read.
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
    /** Outside the tag range of {@link ObjectDataType} (0–119), and not {@link DocumentDataType}'s. */
    private static final byte BSON = (byte) 0xB6;

    private final ObjectDataType codec = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        if (a.equals(b)) {
            return 0;
        }
        // equal for MongoDB's ordering yet different objects (say 1 and 1.0): keep them apart as the
        // byte order did, so no key becomes unreachable
        return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /**
     * Same-class keys of the usual kinds by their natural order, which is what MongoDB's order gives
     * them too but several times cheaper; all else by MongoDB's order across types.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (plain(a) && b != null && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return VALUES.compare(a, b);
    }

    /** The usual key values (string and ObjectId ids, numbers): comparable, and the same after a BSON round trip. */
    private static boolean plain(Object v) {
        return v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof ObjectId;
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 40 * key.size();
    }

    /**
     * As BSON when every value is plain (every page write re-serialised each of its keys with Java
     * serialisation: half of the page writer's CPU), else the old way; the first byte tells them
     * apart on read.
     */
    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        byte[] bson = asBson(key);
        if (bson == null) {
            codec.write(buff, key);
        } else {
            buff.put(BSON).putVarInt(bson.length).put(bson);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return (KeyValue) codec.read(buff);
        }
        buff.get();
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        return fromBson(bson);
    }

    private static byte[] asBson(KeyValue key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            if (!plain(key.get(i))) {
                return null;
            }
            fields.put(Integer.toString(i), key.get(i));
        }
        ByteBuf buf = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(fields, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static KeyValue fromBson(byte[] bytes) {
        return new KeyValue(new ArrayList<>(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)).values()));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValueDataType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(KeyValueDataType.class);
    }
}
