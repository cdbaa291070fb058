package org.referrals.api.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;


public record AcceptReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @Size(max = Limits.NOTE_MAX) String note) implements ReferralAction {
}
