package org.referrals.api.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.referrals.api.common.Limits;

/**
 * After a decline or expiry, refers the same case for the same service to another partner: a new referral
 * ({@code newReferralId}) linked to this one by {@code redirectedFrom}. Urgency is kept.
 */
public record RedirectReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String newReferralId,
        @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String toPartnerId,
        @Size(max = Limits.NOTE_MAX) String note,
        @Valid ConsentOverride consentOverride) implements ReferralAction {
}
