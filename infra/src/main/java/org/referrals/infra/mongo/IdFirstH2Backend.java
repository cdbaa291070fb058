package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, with a query planner that finds a document by {@code _id} also when the filter
 * says more than the {@code _id}.
 * <p>
 * The server uses an index only when the filter has exactly that index's fields, so {@code {_id: x, version:
 * {$lt: 7}}} or {@code {$and: [{_id: x}, ...]}} (the shape of every idempotent projection update) scanned the whole
 * collection: each event cost time in proportion to the read model's size, and a replay grew with its square. Here
 * such a filter takes the documents named by its {@code _id} condition from the {@code _id} index and checks the
 * whole filter on those only; any other filter is left to the server.
 * <p>
 * The server also ignores secondary indexes (an {@code EmptyIndex} that finds nothing), yet it read every document
 * of the collection to "build" each one, again at every start: about 8 of a 16-second start on 200,000 events.
 * Such an index is now listed without that read. Unique indexes compare their keys by value ({@link ValueOrderedKeys}),
 * and documents are counted at their real size ({@link MeasuredDocuments}). A {@code _id} index torn by a crash is
 * mended at start ({@code mendTornIdIndex}).
 */
final class IdFirstH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(IdFirstH2Backend.class);
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String ID = "_id";

    IdFirstH2Backend(String fileName) {
        super(fileName);
    }

    /**
     * The first error the store's file gave, if any. H2 answers a page it cannot read with an exception on that
     * command only: the server turns it into an error reply and goes on, and the application would go on serving a
     * read model it cannot read. Recorded here, it turns the health endpoint DOWN ({@link MongoHealthIndicator}).
     */
    private volatile String damage;

    /**
     * Every command holds the store's version it started on until it is done. A query reads the whole collection
     * within its command (the server collects the result before the first batch), taking pages from the maps'
     * roots of when it began; meanwhile writes and H2's background compaction move pages to new chunks, and H2
     * frees the old chunk once no registered reader needs it, after five versions (a second or two under load).
     * Unregistered, a scan of the 1,000,000-event read model at start failed with "Chunk 37780 not found": the
     * reader had outlived its chunks (the race of h2database#4383; {@code StoreReadsTest} shows it).
     */
    @Override
    public Document handleCommand(io.netty.channel.Channel channel, String databaseName, String command, Document query) {
        org.h2.mvstore.MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } catch (RuntimeException e) {
            recordIfStoreError(e);
            throw e;
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    private void recordIfStoreError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.h2.mvstore.MVStoreException && damage == null) {
                damage = cause.getMessage(); // H2's text names chunks, pages and maps, never a document's content
                log.error("embedded MongoDB: the store file gave an error, health is DOWN: {}; to rebuild: {}", damage,
                          MongoHealthIndicator.REBUILD);
                return;
            }
        }
    }

    /** Empty while the store reads and writes; else what went wrong (an error seen, or the store closed by H2). */
    java.util.Optional<String> damage() {
        if (damage != null) {
            return java.util.Optional.of(damage);
        }
        return getMvStore().isClosed() ? java.util.Optional.of("the store is closed") : java.util.Optional.empty();
    }

    /** The store (for tests). */
    org.h2.mvstore.MVStore store() {
        return getMvStore();
    }

    /** One snapshot of all maps to the file now; a process killed afterwards keeps every write made before. */
    void persist() {
        getMvStore().commit();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /** Inner, so it can reach the backend's store while H2Database's constructor opens the existing collections. */
    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return ValueOrderedKeys.uniqueIndex(getMvStore(), indexMapName(collectionName, indexName), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String ordered = indexMapName(collection.getCollectionName(), indexName) + ValueOrderedKeys.MAP_SUFFIX;
            if (getMvStore().hasMap(ordered)) {
                getMvStore().removeMap(ordered);
            }
        }

        /** The name H2Database gives an index's map (private there). */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new MeasuredDocuments()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new IdFirstCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    static final class IdFirstCollection extends H2Collection {

        /**
         * Set while this thread updates documents: the documents it finds are then copies. mongo-java-server
         * changes the document it found in place and stores that same object again, but H2 keeps the object in the
         * page it came from, which its background writer may be storing at that moment: it wrote documents half
         * changed (a Java serialisation that cannot be read back), and BSON's walk of such a document failed, which
         * closed the store during a catch-up. With a copy, an object stored in H2 never changes.
         */
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

        /** Documents checked against a filter, per collection name: shows in tests which queries scan. */
        static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> EXAMINED_IN =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** Reads of a whole collection to build an index (queries scan by another path), in all collections: for tests. */
        static final java.util.concurrent.atomic.LongAdder FULL_READS = new java.util.concurrent.atomic.LongAdder();

        private volatile Index<Object> idIndex;
        private volatile MVMap<KeyValue, Object> idKeys;
        /** This collection's counter in {@link #EXAMINED_IN}, looked up once rather than for every document. */
        private final java.util.concurrent.atomic.LongAdder examined;

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.examined = EXAMINED_IN.computeIfAbsent(name, collection -> new java.util.concurrent.atomic.LongAdder());
        }

        @Override
        public void addIndex(Index<Object> index) {
            if (index instanceof EmptyIndex) {
                // nothing to build: it holds nothing and answers no query
                if (getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()))) {
                    getIndexes().add(index);
                }
                return;
            }
            super.addIndex(index);
            if (Constants.PRIMARY_KEY_INDEX_NAME.equals(index.getName())) {
                idIndex = index;
                idKeys = ValueOrderedKeys.keysOf(index);
                mendTornIdIndex(index);
            }
        }

        /**
         * MVStore saves all maps in the background about once a second, whatever state they are in, and one write
         * to a collection changes two maps, its documents and its {@code _id} index (a delete removes the index entry,
         * then the document). After {@code kill -9} the file may hold a document without its index entry: every later
         * upsert of that {@code _id} then missed it in the index, found it among the documents and failed with
         * "already existed", and the projection writing it stopped for good (the kill -9 harness, RELIABILITY.md).
         * So at start, when a collection's counts differ, its {@code _id} index is filed again from the documents.
         * The counts are read without reading the collection; a store torn both ways at once by the same number of
         * entries is not found (a rebuild of the projection mends it).
         */
        private void mendTornIdIndex(Index<Object> index) {
            MVMap<KeyValue, Object> keys = idKeys;
            if (keys == null || keys.sizeAsLong() == count()) {
                return;
            }
            log.warn("embedded MongoDB: the _id index of {} had {} entries for {} documents (saved mid-write before a crash); filed again",
                     getCollectionName(), keys.sizeAsLong(), count());
            keys.clear();
            org.h2.mvstore.MVStore store = keys.getStore();
            org.h2.mvstore.MVStore.TxCounter reading = store.registerVersionUsage(); // as a command's (handleCommand)
            try (Stream<DocumentWithPosition<Object>> documents = streamAllDocumentsWithPosition()) {
                documents.forEach(document -> index.add(document.getDocument(), document.getPosition(), this));
            } finally {
                store.deregisterVersionUsage(reading);
            }
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            FULL_READS.increment();
            return super.streamAllDocumentsWithPosition();
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            examined.increment();
            return super.documentMatchesQuery(document, query);
        }

        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                                        boolean isUpsert, Oplog oplog) {
            return whileUpdating(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public Document findAndModify(Document query) {
            return whileUpdating(() -> super.findAndModify(query));
        }

        private static Document whileUpdating(java.util.function.Supplier<Document> update) {
            boolean outer = !UPDATING.get();
            UPDATING.set(true);
            try {
                return update.get();
            } finally {
                if (outer) {
                    UPDATING.set(false);
                }
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            QueryResult found = find(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (!UPDATING.get()) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, found.getCursorId());
        }

        private QueryResult find(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                 Document fieldSelector) {
            Document byId = idCondition(query);
            Index<Object> index = idIndex;
            if (byId != null && index != null && index.canHandle(byId)) {
                return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            MVMap<KeyValue, Object> keys = idKeys;
            Integer direction = idOrder(orderBy);
            IdRange range = IdRange.of(query);
            if (range != null && direction != null && limit > 0 && keys != null) {
                return matchDocuments(query, range.firstPositions(keys, direction < 0, numberToSkip + limit), orderBy,
                                      numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** 1 or -1 when the order is by {@code _id} alone; else null. */
        static Integer idOrder(Document orderBy) {
            if (orderBy == null || orderBy.size() != 1 || !(orderBy.get(ID) instanceof Number direction)) {
                return null;
            }
            return direction.intValue() < 0 ? -1 : 1;
        }

        /** {@code {_id: …}} when the filter requires it at its top level or in a top-level {@code $and}; else null. */
        static Document idCondition(Document query) {
            if (query.containsKey(ID)) {
                return new Document(ID, query.get(ID));
            }
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document condition && condition.size() == 1 && condition.containsKey(ID)) {
                        return new Document(ID, condition.get(ID));
                    }
                }
            }
            return null;
        }
    }

    /**
     * All documents, or those whose {@code _id} lies between two numbers or two strings ({@code {_id: {$gt|$gte: a,
     * $lt|$lte: b}}}),
     * taken in {@code _id} order from the index up to a limit. The server would read and sort the whole collection
     * for {@code find().sort({_id: -1}).limit(1)}: on a 1,000,000-event audit chain, a million documents in memory
     * at once, at every start. Both bounds are required: the keys between two values of one type are of that type,
     * so every key read matches, and the limit is filled from the first keys.
     */
    record IdRange(KeyValue lower, boolean lowerIncluded, KeyValue upper, boolean upperIncluded) {

        private static final de.bwaldvogel.mongo.backend.ValueComparator VALUES =
                de.bwaldvogel.mongo.backend.ValueComparator.ascWithoutListHandling();
        private static final IdRange ALL = new IdRange(null, true, null, true);

        /** The range a filter states, or null when it is not one of those two shapes. */
        static IdRange of(Document query) {
            if (query.isEmpty()) {
                return ALL;
            }
            if (query.size() != 1 || !(query.get(ID) instanceof Document bounds) || bounds.size() != 2) {
                return null;
            }
            Object low = bounds.containsKey("$gt") ? bounds.get("$gt") : bounds.get("$gte");
            Object high = bounds.containsKey("$lt") ? bounds.get("$lt") : bounds.get("$lte");
            if (!(low instanceof Number && high instanceof Number) && !(low instanceof String && high instanceof String)) {
                return null;
            }
            return new IdRange(new KeyValue(low).normalized(), bounds.containsKey("$gte"),
                               new KeyValue(high).normalized(), bounds.containsKey("$lte"));
        }

        List<Object> firstPositions(MVMap<KeyValue, Object> keys, boolean descending, int count) {
            KeyValue start = descending ? upper : lower;
            Iterator<KeyValue> ordered = descending ? keys.keyIteratorReverse(start) : keys.keyIterator(start);
            List<Object> positions = new ArrayList<>(Math.min(count, 1024));
            while (ordered.hasNext() && positions.size() < count) {
                KeyValue key = ordered.next();
                if (beyond(key, descending)) {
                    break;
                }
                Object position = within(key) ? keys.get(key) : null;
                if (position != null) {
                    positions.add(position);
                }
            }
            return positions;
        }

        private boolean beyond(KeyValue key, boolean descending) {
            KeyValue end = descending ? lower : upper;
            if (end == null) {
                return false;
            }
            int order = VALUES.compare(key.get(0), end.get(0));
            boolean included = descending ? lowerIncluded : upperIncluded;
            return descending ? order < 0 || (order == 0 && !included) : order > 0 || (order == 0 && !included);
        }

        /** False only for the excluded bound the iteration starts at. */
        private boolean within(KeyValue key) {
            return !(lower != null && !lowerIncluded && VALUES.compare(key.get(0), lower.get(0)) == 0)
                   && !(upper != null && !upperIncluded && VALUES.compare(key.get(0), upper.get(0)) == 0);
        }
    }
}
