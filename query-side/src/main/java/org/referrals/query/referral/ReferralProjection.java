package org.referrals.query.referral;

import static org.referrals.query.common.Projections.create;
import static org.referrals.query.common.Projections.update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.query.common.Projections;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referrals}: one document per referral, no personal data, read by {@code _id} (and whole, once a
 * second, by {@link ReferralSnapshots}); and each case's referrals ({@link CaseReferrals}).
 */
@Component
@ProcessingGroup("referrals")
public class ReferralProjection {

    static final String COLLECTION = "referrals";

    private final MongoCollection<Document> referrals;
    private final ReferralChanges changes;
    private final CaseReferrals caseReferrals;

    public ReferralProjection(MongoDatabase mongoDatabase, ReferralChanges changes) {
        this.referrals = mongoDatabase.getCollection(COLLECTION);
        this.changes = changes;
        this.caseReferrals = new CaseReferrals(mongoDatabase);
    }

    @EventHandler
    void on(ReferralRequested event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        create(referrals, new Document("_id", event.referralId())
                .append("caseId", event.caseId())
                .append("fromPartnerId", event.fromPartnerId())
                .append("toPartnerId", event.toPartnerId())
                .append("serviceCategory", event.serviceCategory().name())
                .append("urgency", event.urgency().name())
                .append("status", ReferralStatus.REQUESTED.name())
                .append("respondBy", Date.from(event.respondBy()))
                .append("redirectedFrom", event.redirectedFrom())
                .append("consentOverride", event.legalBasis() != null && event.legalBasis().isOverride())
                .append("createdAt", Date.from(event.requestedAt())), sequence, at);
        caseReferrals.add(event.caseId(), event.referralId(), event.toPartnerId());
        changes.changed(event.referralId(), replay);
    }

    /** The first answer's time and kind feed the caseload's response time and acceptance rate. */
    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.ACCEPTED, sequence, at, Updates.min("answeredAt", Date.from(at)),
               Updates.min("acceptedAt", Date.from(at)), Updates.set("answer", ReferralStatus.ACCEPTED.name()));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.DECLINED, sequence, at, Updates.min("answeredAt", Date.from(at)),
               Updates.set("answer", ReferralStatus.DECLINED.name()), Updates.set("declineReason", event.reasonCode().name()),
               Updates.set("declineNote", event.note()), Updates.set("declinedAt", Date.from(at)));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralPutOnHold event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.ON_HOLD, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralResumed event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.ACCEPTED, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ServiceStarted event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.IN_PROGRESS, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ServiceDelivered event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.DELIVERED, sequence, at, Updates.set("deliveredAt", Date.from(at)),
               Updates.set("outcome", event.outcome().name()));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ServiceFailed event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.FAILED, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralCancelled event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.CANCELLED, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralExpired event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.EXPIRED, sequence, at, Updates.set("expiredAt", Date.from(at)));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralClosed event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.CLOSED, sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralNoteAdded event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        update(referrals, event.referralId(), sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralResponseOverdue event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        update(referrals, event.referralId(), sequence, at, Updates.set("overdueRecorded", true));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralRedirected event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        update(referrals, event.referralId(), sequence, at, Updates.set("redirectedTo", event.newReferralId()));
        changes.changed(event.referralId(), replay);
    }

    @ResetHandler
    void reset() {
        referrals.drop();
        caseReferrals.drop();
    }

    private void status(String referralId, ReferralStatus status, long sequence, Instant at, Bson... more) {
        Bson[] changes = java.util.Arrays.copyOf(more, more.length + 1);
        changes[more.length] = Updates.set("status", status.name());
        update(referrals, referralId, sequence, at, changes);
    }
}
