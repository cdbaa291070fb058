package org.referrals.query.referral;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.ReplayStatus;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;

/** Feeds events to the referrals projection as a processor would, numbering each referral's events in order. */
public class ReferralProjectionDriver {

    private final ReferralProjection projection;
    private final Map<String, Long> sequences = new HashMap<>();

    public ReferralProjectionDriver(MongoDatabase database) {
        this.projection = projection(database);
    }

    /** The referrals projection wired as in the application, with the system clock. */
    static ReferralProjection projection(MongoDatabase database) {
        return new ReferralProjection(database, new ReferralChanges(database, java.time.Clock.systemUTC()));
    }

    public void apply(String referralId, Object event, Instant at) {
        long sequence = sequences.merge(referralId, 1L, Long::sum) - 1;
        if (event instanceof ReferralRequested e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else if (event instanceof ReferralAccepted e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else if (event instanceof ReferralDeclined e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else if (event instanceof ReferralCancelled e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else if (event instanceof ServiceStarted e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else if (event instanceof ServiceDelivered e) {
            projection.on(e, sequence, at, ReplayStatus.REGULAR);
        } else {
            throw new IllegalArgumentException("not driven here: " + event.getClass().getSimpleName());
        }
    }
}
