package org.referrals.query.referral;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.referrals.query.admin.StoredTokens;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;

/**
 * Feeds events to the referrals projection as a processor would: each in a unit of work of its own with its position
 * in the stream (0, 1, 2, ...), numbering each referral's events in order.
 */
public class ReferralProjectionDriver {

    private final ReferralProjection projection;
    private final ReferralResets resets = new ReferralResets();
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    public ReferralProjectionDriver(MongoDatabase database) {
        this.projection = new ReferralProjection(database, new ReferralChanges(database, java.time.Clock.systemUTC()), resets);
    }

    /** The referrals projection wired as in the application, with the system clock. */
    static ReferralProjection projection(MongoDatabase database) {
        return new ReferralProjection(database, new ReferralChanges(database, java.time.Clock.systemUTC()), new ReferralResets());
    }

    /** Snapshots of the referrals without a token store (each refresh reads what changed since position -1: all). */
    public static ReferralSnapshots snapshots(com.mongodb.reactivestreams.client.MongoDatabase reactive) {
        return new ReferralSnapshots(reactive, processor -> Map.of(), new ReferralResets());
    }

    /** Snapshots told of this projection's resets, with the tokens the projection has stored. */
    ReferralSnapshots snapshots(com.mongodb.reactivestreams.client.MongoDatabase reactive, StoredTokens tokens) {
        return new ReferralSnapshots(reactive, tokens, resets);
    }

    /** The projection's reset, as a rebuild starts it; the positions start again at 0. */
    void reset() {
        projection.reset();
        sequences.clear();
        position = 0;
    }

    /** The position the next event gets. */
    long nextPosition() {
        return position;
    }

    public void apply(String referralId, Object event, Instant at) {
        long sequence = sequences.merge(referralId, 1L, Long::sum) - 1;
        TrackingToken token = new GlobalSequenceTrackingToken(position++);
        DefaultUnitOfWork.startAndGet(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(event)))
                         .execute(() -> handle(event, sequence, at));
    }

    private void handle(Object event, long sequence, Instant at) {
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
