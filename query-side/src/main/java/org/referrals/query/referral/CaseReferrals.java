package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.referrals.query.common.MongoBatch;
import reactor.core.publisher.Mono;

/**
 * Collection {@code case_referrals}, kept by the referrals projection: per case, its referrals and the partner each
 * was made to, {@code {_id: caseId, referrals: {<referralId>: <toPartnerId>}}}, read by {@code _id} for case access
 * and the case's timeline. Bounded by the referrals of one person, not by the network's history. A referral's case
 * and receiving partner never change, so writing an entry again (a redelivered event) changes nothing.
 */
public final class CaseReferrals {

    public static final String COLLECTION = "case_referrals";
    private static final String REFERRALS = "referrals";

    private final MongoCollection<Document> cases;

    CaseReferrals(MongoDatabase mongoDatabase) {
        this.cases = mongoDatabase.getCollection(COLLECTION);
    }

    /** In the current batch of the projection. */
    void add(String caseId, String referralId, String toPartnerId) {
        MongoBatch.add(cases, new UpdateOneModel<>(Filters.eq("_id", caseId), Updates.set(REFERRALS + "." + referralId, toPartnerId),
                                                   new UpdateOptions().upsert(true)));
    }

    void drop() {
        cases.drop();
    }

    /** The case's referrals, each with the partner it was made to, in no particular order; none if none. */
    public static Mono<Map<String, String>> of(com.mongodb.reactivestreams.client.MongoDatabase mongo, String caseId) {
        return Mono.from(mongo.getCollection(COLLECTION).find(Filters.eq("_id", caseId)).first())
                   .map(found -> {
                       Map<String, String> referrals = new LinkedHashMap<>();
                       found.get(REFERRALS, new Document()).forEach((id, to) -> referrals.put(id, (String) to));
                       return referrals;
                   })
                   .defaultIfEmpty(Map.of());
    }
}
