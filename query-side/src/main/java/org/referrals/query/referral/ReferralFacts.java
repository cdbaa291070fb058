package org.referrals.query.referral;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.query.common.Projections;

/**
 * What the work lists, the escalations and the figures need of one referral, read from its document in
 * {@code referrals} (the field names are the projection's): its partners, case, category, urgency, status, first answer
 * and the times of its steps; the goal it serves and the quality of its service (closure reason, received as planned,
 * satisfaction 1-5). No personal data and no free text.
 */
public record ReferralFacts(String id, String caseId, String from, String to, ServiceCategory category, Urgency urgency,
                            ReferralStatus status, ReferralStatus answer, DeclineReason declineReason, boolean consentOverride,
                            boolean redirected, Instant createdAt, Instant respondBy, Instant answeredAt, Instant acceptedAt,
                            Instant deliveredAt, Instant declinedAt, Instant expiredAt, Instant updatedAt,
                            String goalId, ReferralClosureReason closureReason, Boolean receivedAsPlanned,
                            Integer satisfaction, boolean endedWithCase) {

    /** Referrals the receiving partner still works on. */
    public static final Set<ReferralStatus> ACTIVE = EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                                                                ReferralStatus.ON_HOLD, ReferralStatus.IN_PROGRESS);

    /** The fields read. */
    static final Bson FIELDS = com.mongodb.client.model.Projections.include(
            ReferralFields.CASE, ReferralFields.FROM, ReferralFields.TO, ReferralFields.CATEGORY, ReferralFields.URGENCY, ReferralFields.STATUS, ReferralFields.ANSWER, ReferralFields.DECLINE_REASON,
            ReferralFields.CONSENT_OVERRIDE, ReferralFields.REDIRECTED_TO, ReferralFields.CREATED_AT, ReferralFields.RESPOND_BY, ReferralFields.ANSWERED_AT, ReferralFields.ACCEPTED_AT, ReferralFields.DELIVERED_AT,
            ReferralFields.DECLINED_AT, ReferralFields.EXPIRED_AT, Projections.UPDATED_AT, ReferralFields.GOAL,
            ReferralFields.CLOSURE_REASON, ReferralFields.RECEIVED_AS_PLANNED, ReferralFields.SATISFACTION, ReferralFields.CASE_CLOSED);

    static ReferralFacts of(Document d) {
        return new ReferralFacts(d.getString("_id"), d.getString(ReferralFields.CASE), d.getString(ReferralFields.FROM), d.getString(ReferralFields.TO),
                                 ServiceCategory.valueOf(d.getString(ReferralFields.CATEGORY)), Urgency.valueOf(d.getString(ReferralFields.URGENCY)),
                                 ReferralStatus.valueOf(d.getString(ReferralFields.STATUS)), named(ReferralStatus.class, d.getString(ReferralFields.ANSWER)),
                                 named(DeclineReason.class, d.getString(ReferralFields.DECLINE_REASON)),
                                 Boolean.TRUE.equals(d.getBoolean(ReferralFields.CONSENT_OVERRIDE)), d.getString(ReferralFields.REDIRECTED_TO) != null,
                                 at(d, ReferralFields.CREATED_AT), at(d, ReferralFields.RESPOND_BY), at(d, ReferralFields.ANSWERED_AT), at(d, ReferralFields.ACCEPTED_AT),
                                 at(d, ReferralFields.DELIVERED_AT), at(d, ReferralFields.DECLINED_AT), at(d, ReferralFields.EXPIRED_AT), at(d, Projections.UPDATED_AT),
                                 d.getString(ReferralFields.GOAL), named(ReferralClosureReason.class, d.getString(ReferralFields.CLOSURE_REASON)),
                                 d.getBoolean(ReferralFields.RECEIVED_AS_PLANNED), d.getInteger(ReferralFields.SATISFACTION),
                                 d.getString(ReferralFields.CASE_CLOSED) != null);
    }

    /** Unanswered past its answer's due time. */
    public boolean overdue(Instant now) {
        return status == ReferralStatus.REQUESTED && respondBy != null && now.isAfter(respondBy);
    }

    public boolean active() {
        return ACTIVE.contains(status);
    }

    private static Instant at(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
