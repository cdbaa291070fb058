package org.referrals.api.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;

public record CancelReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @NotBlank @Size(max = Limits.NOTE_MAX) String reason) implements ReferralAction {
}
