package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.referrals.query.common.IdIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referral_index} (an {@link IdIndex}): which referrals belong to a partner's inbox or outbox, to
 * a flow between two partners, or to a day's statistics bucket. Written with the referral; read to
 * fetch those referrals by {@code _id} instead of scanning them all on the embedded MongoDB-wire server. A
 * referral's partners, category and day never change, so an id never has to leave a key. A partner's inbox
 * and outbox are filed counted: a page's total reads one number.
 */
@Component
public class ReferralIndex implements SmartInitializingSingleton {

    public static final String COLLECTION = "referral_index";
    private static final Logger log = LoggerFactory.getLogger(ReferralIndex.class);

    private final IdIndex index;
    private final MongoCollection<Document> referrals;

    public ReferralIndex(MongoDatabase mongoDatabase) {
        this.index = new IdIndex(mongoDatabase, COLLECTION);
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

    /** The statistics day of a referral made at that moment (UTC). */
    public static String day(Instant created) {
        return created.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The keys a new referral is filed under. */
    static List<String> keys(String from, String to, String category, Instant created) {
        return List.of(inbound(to), outbound(from), flow(from, to), bucket(day(created), category, to));
    }

    /** In the current batch of the projection: files the referral under its keys, a partner's lists counted. */
    void file(String referralId, List<String> keys) {
        keys.forEach(key -> {
            if (counted(key)) {
                index.fileCounted(key, referralId);
            } else {
                index.file(key, referralId);
            }
        });
    }

    private static boolean counted(String key) {
        return key.startsWith(inbound("")) || key.startsWith(outbound(""));
    }

    /** How many referrals a partner's inbox or outbox holds, read as one number. */
    public static Mono<Long> count(com.mongodb.reactivestreams.client.MongoDatabase mongo, String partnerList) {
        if (!counted(partnerList)) {
            throw new IllegalArgumentException("not a counted list: " + partnerList);
        }
        return IdIndex.count(mongo, COLLECTION, partnerList);
    }

    /** The ids filed under that key, none if none. */
    public List<String> ids(String key) {
        return index.ids(key);
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
     * Before the projections start (a count set beside them could miss an id they file): builds the index of a
     * read model older than it, and counts the partners' lists of one older than their counts.
     */
    @Override
    public void afterSingletonsInstantiated() {
        buildWhenMissing();
        int counted = index.countWhereMissing(inbound("")) + index.countWhereMissing(outbound(""));
        if (counted > 0) {
            log.info("referral index: {} partner lists counted", counted);
        }
    }

    /**
     * Read models written before this index existed have referrals and no index: it is built once from them at
     * start (one scan).
     */
    void buildWhenMissing() {
        int keys = index.buildWhenMissing(referrals, List.of("fromPartnerId", "toPartnerId", "serviceCategory", "createdAt"),
                referral -> keys(referral.getString("fromPartnerId"), referral.getString("toPartnerId"),
                                 referral.getString("serviceCategory"), referral.getDate("createdAt").toInstant()));
        if (keys > 0) {
            log.info("referral index built: {} keys", keys);
        }
    }
}
