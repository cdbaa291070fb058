package org.referrals.api.referral;

import java.time.Instant;
import org.referrals.api.partner.ServiceCategory;

/** {@code GET /api/referrals/{id}}: a referral without any personal data. */
public record ReferralView(String referralId, String caseId, String fromPartnerId, String toPartnerId,
                           ServiceCategory serviceCategory, Urgency urgency, ReferralStatus status, Instant respondBy,
                           boolean overdue, Instant createdAt, Instant updatedAt, long version) {
}
