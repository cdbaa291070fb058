package org.referrals.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    public boolean isEmpty() {
        return index.find().first() == null;
    }

    /** Files many ids at once (building the index from an existing read model). */
    public void fileAll(Map<String, List<String>> idsByKey) {
        idsByKey.forEach((key, ids) -> index.updateOne(Filters.eq("_id", key), Updates.addEachToSet(IDS, ids),
                                                       new UpdateOptions().upsert(true)));
    }

    public void drop() {
        index.drop();
    }
}
