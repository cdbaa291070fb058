package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Unique indexes (every {@code _id}) whose keys are compared by value.
 *
 * <p>mongo-java-server keys them by its {@code KeyValue}, which is not {@code Comparable}, so H2's
 * {@code ObjectDataType} compared two keys by Java-serialising both, at every level of the B-tree, for every document
 * found, inserted or updated by {@code _id}. On a 1,000,000-event catch-up that was 69 % of all bytes allocated
 * (BENCHMARKS.md). Keys are still stored as before; only their order is new, so such an index lives under a new map
 * name: an older file's index is dropped and rebuilt from the documents once, at its first start.
 *
 * <p>A key of one text value (every {@code _id} of ours) is also written as that text, under a tag of its own,
 * instead of as a Java-serialised {@code KeyValue}: reading index pages back from the file deserialised every key
 * on them through a new {@code ObjectInputStream}, 13 % of the process's CPU during a 1,000,000-event catch-up
 * (BENCHMARKS.md, step 18). Other keys, and every key an older file holds, are read and written as before; a file
 * written this way cannot be opened by a version before it.
 */
final class ValueOrderedKeys extends ObjectDataType {

    /** Appended to mongo-java-server's map name for an index kept in this order. */
    static final String MAP_SUFFIX = ".by-value";
    private static final ValueOrderedKeys INSTANCE = new ValueOrderedKeys();
    /** Element by element, lists as values: two keys are the same exactly when MongoDB's unique index says so. */
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** Each index made here, with its map: the collection reads {@code _id}s in order from it. */
    private static final java.util.Map<Index<Object>, MVMap<KeyValue, Object>> MAPS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** A tag H2's ObjectDataType does not use (it uses 0–19, 32–49 and 64–119): a key of one text value. */
    static final byte ONE_TEXT = 30;

    private ValueOrderedKeys() {
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key && key.size() == 1 && key.get(0) instanceof String text) {
            buff.put(ONE_TEXT).putVarInt(text.length()).putStringData(text, text.length());
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != ONE_TEXT) {
            return super.read(buff);
        }
        buff.get();
        return new KeyValue(DataUtils.readString(buff, DataUtils.readVarInt(buff)));
    }

    /** The key type of such an index's map (to open it in a test). */
    static ValueOrderedKeys instance() {
        return INSTANCE;
    }

    /** The map of an index made by {@link #uniqueIndex}, keys in value order; null for another index. */
    static MVMap<KeyValue, Object> keysOf(Index<Object> index) {
        return MAPS.get(index);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = VALUES.compare(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    /** The unique index stored under mapName + {@link #MAP_SUFFIX}; the server's own map of that name is dropped. */
    static Index<Object> uniqueIndex(MVStore store, String mapName, String indexName, List<IndexKey> keys, boolean sparse) {
        if (store.hasMap(mapName)) {
            store.removeMap(mapName);
        }
        MVMap<KeyValue, Object> map = store.openMap(mapName + MAP_SUFFIX, new MVMap.Builder<KeyValue, Object>().keyType(INSTANCE));
        try {
            // package-private in mongo-java-server, which offers no other way to give the index its map
            Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class, List.class, boolean.class);
            constructor.setAccessible(true);
            Index<Object> index = constructor.newInstance(map, indexName, keys, sparse);
            MAPS.put(index, map);
            return index;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2UniqueIndex changed: " + e, e);
        }
    }
}
