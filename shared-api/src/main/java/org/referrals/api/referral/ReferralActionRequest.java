package org.referrals.api.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/**
 * Body of {@code POST /api/referrals/{id}/{action}}. Which fields an action needs: {@code decline} a
 * {@link DeclineReason} and {@code fail} a {@link FailureReason} as {@code reasonCode}, {@code deliver} an
 * {@code outcome}, {@code close} a {@code closureReason}, {@code cancel} and {@code notes} a {@code note}. Only
 * {@code close} reads the quality fields, each optional: {@code receivedAsPlanned}, and the returnee's
 * {@code satisfaction} (1-5) and {@code comment} if asked.
 */
public record ReferralActionRequest(
        @Size(max = Limits.NOTE_MAX) String note,
        @Size(max = 40) String reasonCode,
        DeliveryOutcome outcome,
        ReferralClosureReason closureReason,
        Boolean receivedAsPlanned,
        @Min(1) @Max(5) Integer satisfaction,
        @Size(max = Limits.NOTE_MAX) String comment) {

    /** Without the quality of a close. */
    public ReferralActionRequest(String note, String reasonCode, DeliveryOutcome outcome, ReferralClosureReason closureReason) {
        this(note, reasonCode, outcome, closureReason, null, null, null);
    }
}
