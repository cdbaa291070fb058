package org.referrals.query.figures;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Collection {@code figure_buckets}, kept with the referrals projection: one document per receiving partner and
 * month of request (UTC), {@code {_id: "<partner>|<yyyy-MM>", partnerId, month, referrals: {<referralId>: entry}}},
 * where an entry is what the figures need of a referral as it now stands ({@link #FIELDS}: partners, category,
 * status, first answer and the times of its steps; no case, no free text). Caseloads, the network's flows and the
 * statistics are computed from these when read ({@link NetworkFigures}). A document is bounded by one partner's
 * referrals of one month. An entry is written whole from the referral's document after each batch that changed it,
 * so writing it again (a redelivered batch) changes nothing.
 */
public final class FigureBuckets {

    public static final String COLLECTION = "figure_buckets";
    static final String PARTNER = "partnerId";
    static final String MONTH = "month";
    static final String REFERRALS = "referrals";
    /** What an entry keeps of a referral's document, under the same names. */
    static final List<String> FIELDS = List.of("fromPartnerId", "toPartnerId", "serviceCategory", "status", "answer",
                                               "createdAt", "respondBy", "answeredAt", "acceptedAt", "deliveredAt");

    private final MongoCollection<Document> buckets;

    public FigureBuckets(MongoDatabase mongoDatabase) {
        this.buckets = mongoDatabase.getCollection(COLLECTION);
    }

    /** The month a referral made at that moment is counted in (UTC). */
    static YearMonth monthOf(Date createdAt) {
        return YearMonth.from(createdAt.toInstant().atZone(ZoneOffset.UTC));
    }

    /**
     * Writes the entries of these referral documents, as read after their batch's writes and before its token is
     * stored: one bulk write.
     */
    public void record(Collection<Document> referrals) {
        List<WriteModel<Document>> writes = new ArrayList<>(referrals.size());
        for (Document referral : referrals) {
            String partnerId = referral.getString("toPartnerId");
            String month = monthOf(referral.getDate("createdAt")).toString();
            Document entry = new Document();
            FIELDS.forEach(field -> entry.append(field, referral.get(field)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", partnerId + "|" + month),
                                            Updates.combine(Updates.set(REFERRALS + "." + referral.getString("_id"), entry),
                                                            Updates.setOnInsert(PARTNER, partnerId),
                                                            Updates.setOnInsert(MONTH, month)),
                                            new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            buckets.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    public void drop() {
        buckets.drop();
    }
}
