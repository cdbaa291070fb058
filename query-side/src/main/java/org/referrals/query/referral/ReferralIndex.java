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
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referral_index} (an {@link IdIndex}): which referrals belong to a partner's inbox or outbox, to
 * a case, to a flow between two partners, or to a day's statistics bucket. Written with the referral; read to
 * fetch those referrals by {@code _id} instead of scanning them all on the embedded MongoDB-wire server. A
 * referral's partners, case, category and day never change, so an id never has to leave a key.
 */
@Component
public class ReferralIndex {

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

    public static String ofCase(String caseId) {
        return "case:" + caseId;
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
    static List<String> keys(String caseId, String from, String to, String category, Instant created) {
        return List.of(inbound(to), outbound(from), ofCase(caseId), flow(from, to), bucket(day(created), category, to));
    }

    /** In the current batch of the projection: files the referral under its keys. */
    void file(String referralId, List<String> keys) {
        keys.forEach(key -> index.file(key, referralId));
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
     * Read models written before this index existed have referrals and no index: it is built once from them at
     * start (one scan).
     */
    @EventListener(ContextRefreshedEvent.class)
    public void buildWhenMissing() {
        int keys = index.buildWhenMissing(referrals, List.of("caseId", "fromPartnerId", "toPartnerId", "serviceCategory", "createdAt"),
                referral -> keys(referral.getString("caseId"), referral.getString("fromPartnerId"), referral.getString("toPartnerId"),
                                 referral.getString("serviceCategory"), referral.getDate("createdAt").toInstant()));
        if (keys > 0) {
            log.info("referral index built: {} keys", keys);
        }
    }
}
