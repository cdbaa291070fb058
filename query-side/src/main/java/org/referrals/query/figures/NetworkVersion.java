package org.referrals.query.figures;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * A counter in MongoDB that moves after every change of {@code network_nodes} or {@code network_edges}, so that a
 * built network map can be kept until it moves, by every process that reads the same database. It is moved after
 * the change is written, and read before the map is: a map built from older data is always followed by a move.
 * It is not a read model (no replay rebuilds it, no verification compares it); losing it loses nothing.
 */
public final class NetworkVersion {

    static final String COLLECTION = "network_version";
    private static final String ID = "map";

    private NetworkVersion() {
    }

    /** After a change of the network's nodes or edges is written. */
    public static void move(MongoDatabase mongo) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", ID), Updates.inc("version", 1L), new UpdateOptions().upsert(true));
    }

    /** The current version; 0 before the first change. */
    public static Mono<Long> read(com.mongodb.reactivestreams.client.MongoDatabase mongo) {
        return Mono.from(mongo.getCollection(COLLECTION).find(Filters.eq("_id", ID)).first())
                   .map(counter -> ((Number) counter.get("version")).longValue())
                   .defaultIfEmpty(0L);
    }
}
