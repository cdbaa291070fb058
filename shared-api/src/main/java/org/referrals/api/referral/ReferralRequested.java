package org.referrals.api.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
/** {@code respondBy} = {@code requestedAt} + the urgency's response time; {@code redirectedFrom} optional. */
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
        ReferralLegalBasis legalBasis) {
}
