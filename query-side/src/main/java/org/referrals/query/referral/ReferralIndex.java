package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.referrals.query.common.MongoBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referral_index}: which referrals belong to a partner's inbox, to a flow between two partners,
 * or to a day's statistics bucket, as one document per key holding the referral ids. Written with the referral
 * (an idempotent {@code $addToSet}); read to fetch those referrals by {@code _id}. The embedded MongoDB-wire server
 * has no secondary indexes, so a filter on {@code toPartnerId} scans every referral; this is the index it lacks.
 * A referral's partners, category and day never change, so an id never has to leave a document.
 */
@Component
public class ReferralIndex {

    static final String COLLECTION = "referral_index";
    static final String IDS = "ids";
    private static final Logger log = LoggerFactory.getLogger(ReferralIndex.class);

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> referrals;

    public ReferralIndex(MongoDatabase mongoDatabase) {
        this.index = mongoDatabase.getCollection(COLLECTION);
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
    }

    public static String inbound(String partnerId) {
        return "to:" + partnerId;
    }

    public static String outbound(String partnerId) {
        return "from:" + partnerId;
    }

    public static String flow(String from, String to) {
        return "flow:" + from + "|" + to;
    }

    public static String bucket(String day, String category, String to) {
        return "bucket:" + day + "|" + category + "|" + to;
    }

    /** The keys a new referral is filed under. */
    static List<String> keys(String from, String to, String category, Instant created) {
        String day = created.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return List.of(inbound(to), outbound(from), flow(from, to), bucket(day, category, to));
    }

    /** In the current batch of the projection: files the referral under its keys. */
    void file(String referralId, List<String> keys) {
        for (String key : keys) {
            MongoBatch.add(index, new UpdateOneModel<>(Filters.eq("_id", key), Updates.addToSet(IDS, referralId),
                                                       new UpdateOptions().upsert(true)));
        }
    }

    /** The ids filed under that key, none if none. */
    public List<String> ids(String key) {
        Document entry = index.find(Filters.eq("_id", key)).first();
        return entry == null ? List.of() : entry.getList(IDS, String.class);
    }

    /** The referral documents filed under that key, fetched by {@code _id}. */
    public List<Document> referrals(String key) {
        List<String> ids = ids(key);
        return ids.isEmpty() ? List.of() : referrals.find(Filters.in("_id", ids)).into(new ArrayList<>(ids.size()));
    }

    void drop() {
        index.drop();
    }

    /**
     * Read models written before this index existed have referrals and no index: it is built once from them at
     * start (one scan, one {@code $addToSet $each} per key).
     */
    @EventListener(ContextRefreshedEvent.class)
    public void buildWhenMissing() {
        if (index.find().first() != null || referrals.find().first() == null) {
            return;
        }
        Map<String, List<String>> filed = new LinkedHashMap<>();
        referrals.find().projection(com.mongodb.client.model.Projections.include("fromPartnerId", "toPartnerId",
                                                                                 "serviceCategory", "createdAt"))
                 .forEach(referral -> keys(referral.getString("fromPartnerId"), referral.getString("toPartnerId"),
                                           referral.getString("serviceCategory"), referral.getDate("createdAt").toInstant())
                         .forEach(key -> filed.computeIfAbsent(key, k -> new ArrayList<>()).add(referral.getString("_id"))));
        filed.forEach((key, ids) -> index.updateOne(Filters.eq("_id", key), Updates.addEachToSet(IDS, ids),
                                                    new UpdateOptions().upsert(true)));
        log.info("referral index built from {} keys", filed.size());
    }
}
