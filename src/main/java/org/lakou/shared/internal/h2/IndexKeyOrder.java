package org.lakou.shared.internal.h2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which order a store's index maps are in. A B-tree sorted by serialised bytes cannot be searched
 * with the value order, so a store without the marker has its index maps re-sorted once (they are
 * read in stored order, which needs no comparison, then written again).
 */
final class IndexKeyOrder {

    private static final Logger log = LoggerFactory.getLogger(IndexKeyOrder.class);
    private static final String MARKER_MAP = "lakou.index-key-order";
    private static final String VALUE_ORDER = "value-v1";
    private static final String INDEX_INFIX = "._index_";

    private IndexKeyOrder() {
    }

    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + INDEX_INFIX + indexName;
    }

    static MVMap<KeyValue, Object> open(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueDataType()));
    }

    static void migrate(MVStore store) {
        MVMap<String, String> marker = store.openMap(MARKER_MAP);
        if (VALUE_ORDER.equals(marker.get("order"))) {
            return;
        }
        List<String> indexMaps = store.getMapNames().stream().filter(n -> n.contains(INDEX_INFIX)).toList();
        for (String name : indexMaps) {
            MVMap<KeyValue, Object> map = open(store, name);
            Map<KeyValue, Object> entries = new LinkedHashMap<>();
            map.entrySet().forEach(e -> entries.put(e.getKey(), e.getValue()));
            map.clear();
            map.putAll(entries);
        }
        marker.put("order", VALUE_ORDER);
        store.commit();
        if (!indexMaps.isEmpty()) {
            log.info("Re-sorted {} index maps of the embedded MongoDB store by key value", indexMaps.size());
        }
    }
}
