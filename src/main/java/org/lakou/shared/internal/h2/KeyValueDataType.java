package org.lakou.shared.internal.h2;

import java.nio.ByteBuffer;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Index keys ordered by value. H2's default type cannot compare mongo-java-server's
 * {@link KeyValue} (not {@code Comparable}), so it Java-serialises both keys on every comparison of
 * every B-tree search: a fifth of the CPU of a checkout. On disk the format is unchanged (the same
 * {@link ObjectDataType} writes and reads), only the order differs, see {@link IndexKeyOrder}.
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

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
     * Same-class keys of the usual kinds (string and ObjectId ids, numbers) by their natural order,
     * which is what MongoDB's order gives them too but several times cheaper; all else by MongoDB's
     * order across types.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a != null && b != null && a.getClass() == b.getClass() && (a instanceof String || a instanceof Integer
                || a instanceof Long || a instanceof Double || a instanceof ObjectId)) {
            return ((Comparable) a).compareTo(b);
        }
        return VALUES.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 40 * key.size();
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        codec.write(buff, key);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        return (KeyValue) codec.read(buff);
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
