package org.referrals.query.referral;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.query.common.Projections;

/**
 * What the work lists, the escalations and the figures need of one referral, read from its document in
 * {@code referrals} (the field names are the projection's): its partners, case, category, urgency, status, first answer
 * and the times of its steps. No personal data and no free text.
 */
public record ReferralFacts(String id, String caseId, String from, String to, ServiceCategory category, Urgency urgency,
                            ReferralStatus status, ReferralStatus answer, DeclineReason declineReason, boolean consentOverride,
                            boolean redirected, Instant createdAt, Instant respondBy, Instant answeredAt, Instant acceptedAt,
                            Instant deliveredAt, Instant declinedAt, Instant expiredAt, Instant updatedAt) {

    /** Referrals the receiving partner still works on. */
    public static final Set<ReferralStatus> ACTIVE = EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                                                                ReferralStatus.ON_HOLD, ReferralStatus.IN_PROGRESS);

    /** The fields read. */
    static final Bson FIELDS = com.mongodb.client.model.Projections.include(
            "caseId", "fromPartnerId", "toPartnerId", "serviceCategory", "urgency", "status", "answer", "declineReason",
            "consentOverride", "redirectedTo", "createdAt", "respondBy", "answeredAt", "acceptedAt", "deliveredAt",
            "declinedAt", "expiredAt", Projections.UPDATED_AT);

    static ReferralFacts of(Document d) {
        return new ReferralFacts(d.getString("_id"), d.getString("caseId"), d.getString("fromPartnerId"), d.getString("toPartnerId"),
                                 ServiceCategory.valueOf(d.getString("serviceCategory")), Urgency.valueOf(d.getString("urgency")),
                                 ReferralStatus.valueOf(d.getString("status")), named(ReferralStatus.class, d.getString("answer")),
                                 named(DeclineReason.class, d.getString("declineReason")),
                                 Boolean.TRUE.equals(d.getBoolean("consentOverride")), d.getString("redirectedTo") != null,
                                 at(d, "createdAt"), at(d, "respondBy"), at(d, "answeredAt"), at(d, "acceptedAt"),
                                 at(d, "deliveredAt"), at(d, "declinedAt"), at(d, "expiredAt"), at(d, Projections.UPDATED_AT));
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
