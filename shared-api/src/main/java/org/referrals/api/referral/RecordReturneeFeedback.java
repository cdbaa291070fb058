package org.referrals.api.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;

/** The returnee's feedback on a referral's service, recorded by a party that sees the case: satisfaction 1-5, comment. */
public record RecordReturneeFeedback(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Min(1) @Max(5) Integer satisfaction,
        @Size(max = Limits.NOTE_MAX) String comment) implements ReferralAction {
}
