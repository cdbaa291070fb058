package org.referrals.api.referral;

import java.time.Instant;
import org.referrals.api.partner.ServiceCategory;

/**
 * {@code GET /api/referrals/{id}}: a referral without any personal data. {@code redirectedFrom} and
 * {@code redirectedTo} link a redirect both ways; {@code declineReason} and {@code declineNote} tell the referrer
 * why the receiving partner declined. {@code goalId}: the goal of the case's plan it serves; {@code householdId}: set when
 * the service is for the case's whole household.
 */
public record ReferralView(String referralId, String caseId, String fromPartnerId, String toPartnerId,
                           ServiceCategory serviceCategory, Urgency urgency, ReferralStatus status, Instant respondBy,
                           boolean overdue, Instant createdAt, Instant updatedAt, long version, String redirectedFrom,
                           String redirectedTo, DeclineReason declineReason, String declineNote, String goalId,
                           String householdId) {
}
