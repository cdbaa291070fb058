package org.referrals.api.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;

/**
 * The referrer closes the loop after delivery or failure, with its view of the service's quality (each optional):
 * received as planned, and the returnee's satisfaction (1-5) and comment if asked.
 */
public record CloseReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull ReferralClosureReason closureReason,
        @Size(max = Limits.NOTE_MAX) String note,
        Boolean receivedAsPlanned,
        @Min(1) @Max(5) Integer satisfaction,
        @Size(max = Limits.NOTE_MAX) String comment) implements ReferralAction {

    /** Closed without a record of its quality. */
    public CloseReferral(String referralId, Long expectedVersion, ReferralClosureReason closureReason, String note) {
        this(referralId, expectedVersion, closureReason, note, null, null, null);
    }
}
