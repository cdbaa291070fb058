package org.referrals.query.referral;

import static org.referrals.query.common.Projections.create;
import static org.referrals.query.common.Projections.update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReturneeFeedbackRecorded;
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
import org.referrals.query.common.Projections;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referrals}: one document per referral, no personal data, read by {@code _id} (and whole, once a
 * second, by {@link ReferralSnapshots}); and each case's referrals ({@link CaseReferrals}).
 */
@Component
@ProcessingGroup("referrals")
public class ReferralProjection {

    public static final String COLLECTION = "referrals";
    /**
     * What changed since a position ({@link ReferralSnapshots}). Created on a MongoDB with secondary indexes; the
     * embedded server has none, and there the filter runs over its in-memory documents without sending them.
     */
    public static final List<IndexModel> INDEXES = List.of(new IndexModel(Indexes.ascending(ReferralFields.POSITION)));

    private final MongoCollection<Document> referrals;
    private final ReferralChanges changes;
    private final CaseReferrals caseReferrals;
    private final ReferralResets resets;

    public ReferralProjection(MongoDatabase mongoDatabase, ReferralChanges changes, ReferralResets resets) {
        this.referrals = mongoDatabase.getCollection(COLLECTION);
        this.changes = changes;
        this.resets = resets;
        this.caseReferrals = new CaseReferrals(mongoDatabase);
    }

    @EventHandler
    void on(ReferralRequested event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        create(referrals, new Document("_id", event.referralId())
                .append(ReferralFields.CASE, event.caseId())
                .append(ReferralFields.FROM, event.fromPartnerId())
                .append(ReferralFields.TO, event.toPartnerId())
                .append(ReferralFields.CATEGORY, event.serviceCategory().name())
                .append(ReferralFields.URGENCY, event.urgency().name())
                .append(ReferralFields.STATUS, ReferralStatus.REQUESTED.name())
                .append(ReferralFields.RESPOND_BY, Date.from(event.respondBy()))
                .append(ReferralFields.REDIRECTED_FROM, event.redirectedFrom())
                .append(ReferralFields.CONSENT_OVERRIDE, event.legalBasis() != null && event.legalBasis().isOverride())
                .append(ReferralFields.CONSENT_ID, event.legalBasis() == null ? null : event.legalBasis().consentId())
                .append(ReferralFields.CREATED_AT, Date.from(event.requestedAt()))
                .append(ReferralFields.GOAL, event.goalId())
                .append(ReferralFields.HOUSEHOLD, event.householdId())
                .append(ReferralFields.POSITION, position()), sequence, at);
        caseReferrals.add(event.caseId(), event.referralId(), event.toPartnerId());
        changes.changed(event.referralId(), replay);
    }

    /** The first answer's time and kind feed the caseload's response time and acceptance rate. */
    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.ACCEPTED, sequence, at, Updates.min(ReferralFields.ANSWERED_AT, Date.from(at)),
               Updates.min(ReferralFields.ACCEPTED_AT, Date.from(at)), Updates.set(ReferralFields.ANSWER, ReferralStatus.ACCEPTED.name()));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.DECLINED, sequence, at, Updates.min(ReferralFields.ANSWERED_AT, Date.from(at)),
               Updates.set(ReferralFields.ANSWER, ReferralStatus.DECLINED.name()), Updates.set(ReferralFields.DECLINE_REASON, event.reasonCode().name()),
               Updates.set(ReferralFields.DECLINE_NOTE, Projections.sealed(event.note())), Updates.set(ReferralFields.DECLINED_AT, Date.from(at)));
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
        status(event.referralId(), ReferralStatus.DELIVERED, sequence, at, Updates.set(ReferralFields.DELIVERED_AT, Date.from(at)),
               Updates.set(ReferralFields.OUTCOME, event.outcome().name()));
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
        status(event.referralId(), ReferralStatus.CANCELLED, sequence, at, event.caseClosed() == null ? new Bson[0]
                : new Bson[] {Updates.set(ReferralFields.CASE_CLOSED, event.caseClosed().name())});
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralExpired event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        status(event.referralId(), ReferralStatus.EXPIRED, sequence, at, Updates.set(ReferralFields.EXPIRED_AT, Date.from(at)));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralClosed event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        List<Bson> quality = new ArrayList<>(List.of(Updates.set(ReferralFields.CLOSURE_REASON, event.closureReason().name())));
        if (event.receivedAsPlanned() != null) {
            quality.add(Updates.set(ReferralFields.RECEIVED_AS_PLANNED, event.receivedAsPlanned()));
        }
        if (event.satisfaction() != null) {
            quality.add(Updates.set(ReferralFields.SATISFACTION, event.satisfaction()));
        }
        if (event.caseClosed() != null) {
            quality.add(Updates.set(ReferralFields.CASE_CLOSED, event.caseClosed().name()));
        }
        status(event.referralId(), ReferralStatus.CLOSED, sequence, at, quality.toArray(Bson[]::new));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReturneeFeedbackRecorded event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        change(event.referralId(), sequence, at, Updates.set(ReferralFields.SATISFACTION, event.satisfaction()));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralNoteAdded event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        change(event.referralId(), sequence, at);
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralResponseOverdue event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        change(event.referralId(), sequence, at, Updates.set(ReferralFields.OVERDUE_RECORDED, true));
        changes.changed(event.referralId(), replay);
    }

    @EventHandler
    void on(ReferralRedirected event, @SequenceNumber long sequence, @Timestamp Instant at,
            ReplayStatus replay) {
        change(event.referralId(), sequence, at, Updates.set(ReferralFields.REDIRECTED_TO, event.newReferralId()));
        changes.changed(event.referralId(), replay);
    }

    @ResetHandler
    void reset() {
        referrals.drop();
        caseReferrals.drop();
        resets.reset();
    }

    private void status(String referralId, ReferralStatus status, long sequence, Instant at, Bson... more) {
        Bson[] changes = java.util.Arrays.copyOf(more, more.length + 1);
        changes[more.length] = Updates.set(ReferralFields.STATUS, status.name());
        change(referralId, sequence, at, changes);
    }

    /** Every change of a referral's document, stamped with its event's position. */
    private void change(String referralId, long sequence, Instant at, Bson... changes) {
        Bson[] stamped = java.util.Arrays.copyOf(changes, changes.length + 1);
        stamped[changes.length] = Updates.set(ReferralFields.POSITION, position());
        update(referrals, referralId, sequence, at, stamped);
    }

    /**
     * The position of the event handled, from the processor's unit of work. Without one (the event not from a stream),
     * the largest: such a change is read by every refresh of the snapshot, never missed.
     */
    private static long position() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(Long.MAX_VALUE);
        }
        return Long.MAX_VALUE;
    }
}
