package org.referrals.api.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;

/** The referrer closes the loop after delivery or failure. */
public record CloseReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull ReferralClosureReason closureReason,
        @Size(max = Limits.NOTE_MAX) String note) implements ReferralAction {
}
