package org.referrals.api.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
/**
 * {@code respondBy} = {@code requestedAt} + the urgency's response time; {@code redirectedFrom} optional;
 * {@code goalId} the goal of the case's plan the referral serves, if it names one (null in events before plans);
 * {@code householdId} the case's household when the service is for the whole household (else null).
 */
@Revision("1")
public record ReferralRequested(
        String referralId,
        String caseId,
        String fromPartnerId,
        String toPartnerId,
        ServiceCategory serviceCategory,
        Urgency urgency,
        SealedText reason,
        Instant requestedAt,
        Instant respondBy,
        String redirectedFrom,
        ReferralLegalBasis legalBasis,
        String goalId,
        String householdId) {

    /** A referral that serves no goal of a plan. */
    public ReferralRequested(String referralId, String caseId, String fromPartnerId, String toPartnerId,
                             ServiceCategory serviceCategory, Urgency urgency, SealedText reason, Instant requestedAt,
                             Instant respondBy, String redirectedFrom, ReferralLegalBasis legalBasis) {
        this(referralId, caseId, fromPartnerId, toPartnerId, serviceCategory, urgency, reason, requestedAt, respondBy,
             redirectedFrom, legalBasis, null, null);
    }
}
