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
 */
public final class IdIndex {

    private static final String IDS = "ids";

    private final MongoCollection<Document> index;

    public IdIndex(MongoDatabase mongoDatabase, String collection) {
        this.index = mongoDatabase.getCollection(collection);
    }

    /** In the current batch of the projection: files the id under the key. */
    public void file(String key, String id) {
        MongoBatch.add(index, new UpdateOneModel<>(Filters.eq("_id", key), Updates.addToSet(IDS, id),
                                                   new UpdateOptions().upsert(true)));
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
