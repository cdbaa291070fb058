package org.referrals.query.network;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.referrals.api.partner.PartnershipAgreed;

/** Lets tests of other packages feed the partnership projection. */
public class PartnershipProjectionProbe {

    private final PartnershipProjection projection;

    public PartnershipProjectionProbe(MongoDatabase database) {
        this.projection = new PartnershipProjection(database);
    }

    public void apply(PartnershipAgreed event, long sequence, Instant at) {
        projection.on(event, sequence, at);
    }
}
