package org.referrals.api.referral;

import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/**
 * Body of {@code POST /api/referrals/{id}/{action}}. Which fields an action needs: {@code decline} a
 * {@link DeclineReason} and {@code fail} a {@link FailureReason} as {@code reasonCode}, {@code deliver} an
 * {@code outcome}, {@code close} a {@code closureReason}, {@code cancel} and {@code notes} a {@code note}.
 */
public record ReferralActionRequest(
        @Size(max = Limits.NOTE_MAX) String note,
        @Size(max = 40) String reasonCode,
        DeliveryOutcome outcome,
        ReferralClosureReason closureReason) {
}
