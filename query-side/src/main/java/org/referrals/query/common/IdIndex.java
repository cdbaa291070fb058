package org.referrals.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A secondary index kept as documents: one per key, {@code {_id: key, ids: [...]}}, so that "the documents of a
 * partner" or "the entries of an aggregate" are read by {@code _id}. The embedded MongoDB-wire server uses no
 * secondary index (it scans the collection for any filter but one on {@code _id}), which made such reads cost time
 * in proportion to the whole read model. Ids are added with an idempotent {@code $addToSet} in the projection's
 * batch, and never removed: the indexed facts (a referral's partners, an entry's aggregate) never change.
 * <p>
 * A key filed {@linkplain #fileCounted counted} also keeps its number of ids, {@code n}, so that "how many" reads
 * one number instead of the whole list (a busy partner's inbox holds tens of thousands of ids).
 */
public final class IdIndex {

    private static final String IDS = "ids";
    private static final String COUNT = "n";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> index;

    public IdIndex(MongoDatabase mongoDatabase, String collection) {
        this.index = mongoDatabase.getCollection(collection);
    }

    /** In the current batch of the projection: files the id under the key. */
    public void file(String key, String id) {
        MongoBatch.add(index, new UpdateOneModel<>(Filters.eq("_id", key), Updates.addToSet(IDS, id),
                                                   new UpdateOptions().upsert(true)));
    }

    /**
     * In the current batch of the projection: files the id under the key and counts it. Applied again (a batch
     * redone after a crash), it counts nothing twice: the id and its count change in one write of one document,
     * and only while the id is not there yet. The first write makes the key exist with a count of 0.
     */
    public void fileCounted(String key, String id) {
        MongoBatch.add(index, new UpdateOneModel<>(Filters.eq("_id", key), Updates.setOnInsert(COUNT, 0), UPSERT));
        MongoBatch.add(index, new UpdateOneModel<>(Filters.and(Filters.eq("_id", key), Filters.ne(IDS, id)),
                                                   Updates.combine(Updates.addToSet(IDS, id), Updates.inc(COUNT, 1))));
    }

    /**
     * Gives every key starting with that prefix that has no count yet (filed before counting existed) the count of
     * its ids. Called before the projections start, as a count set beside a concurrent {@link #fileCounted} could
     * miss its id. Answers how many keys it counted.
     */
    public int countWhereMissing(String prefix) {
        List<String> uncounted = new ArrayList<>();
        index.find(IdRange.startingWith(prefix)).sort(IdRange.ORDER).limit(IdRange.ALL)
             .projection(com.mongodb.client.model.Projections.include(COUNT))
             .forEach(entry -> {
                 if (!entry.containsKey(COUNT)) {
                     uncounted.add(entry.getString("_id"));
                 }
             });
        uncounted.forEach(key -> index.updateOne(Filters.eq("_id", key), Updates.set(COUNT, ids(key).size())));
        return uncounted.size();
    }

    /** The ids filed under that key, none if none. */
    public List<String> ids(String key) {
        Document entry = index.find(Filters.eq("_id", key)).first();
        return entry == null ? List.of() : entry.getList(IDS, String.class);
    }

    /** The ids filed under any of those keys, read reactively (for the query API). */
    public static Mono<List<String>> ids(com.mongodb.reactivestreams.client.MongoDatabase mongo, String collection,
                                         Collection<String> keys) {
        return Flux.from(mongo.getCollection(collection).find(Filters.in("_id", keys)))
                   .flatMapIterable(entry -> entry.getList(IDS, String.class))
                   .collectList();
    }

    /**
     * How many ids are filed under a key filed {@linkplain #fileCounted counted}, read reactively (for the query
     * API): its count alone, not its ids. 0 for a key never filed.
     */
    public static Mono<Long> count(com.mongodb.reactivestreams.client.MongoDatabase mongo, String collection, String key) {
        return Mono.from(mongo.getCollection(collection).find(Filters.eq("_id", key))
                              .projection(com.mongodb.client.model.Projections.include(COUNT)).first())
                   .flatMap(entry -> entry.get(COUNT) instanceof Number counted ? Mono.just(counted.longValue())
                           : ids(mongo, collection, List.of(key)).map(ids -> (long) ids.size())) // not counted yet
                   .defaultIfEmpty(0L);
    }

    /**
     * For a read model written before this index existed: when the index is empty and the read model is not, files
     * each of its documents (read with only the fields named) under the keys it belongs to. One scan, at start.
     * Answers how many keys were filed.
     */
    public int buildWhenMissing(MongoCollection<Document> source, List<String> fields,
                                Function<Document, List<String>> keysOf) {
        if (index.find().first() != null || source.find().first() == null) {
            return 0;
        }
        Map<String, List<String>> filed = new LinkedHashMap<>();
        source.find().projection(com.mongodb.client.model.Projections.include(fields)).batchSize(1000)
              .forEach(document -> keysOf.apply(document)
                      .forEach(key -> filed.computeIfAbsent(key, k -> new ArrayList<>()).add(document.getString("_id"))));
        filed.forEach((key, ids) -> index.updateOne(Filters.eq("_id", key), Updates.addEachToSet(IDS, ids),
                                                    new UpdateOptions().upsert(true)));
        return filed.size();
    }

    public void drop() {
        index.drop();
    }
}
