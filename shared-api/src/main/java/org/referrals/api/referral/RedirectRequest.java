package org.referrals.api.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/referrals/{id}/redirect}. */
public record RedirectRequest(
        @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String toPartnerId,
        @Size(max = Limits.NOTE_MAX) String note,
        @Valid ConsentOverride consentOverride) {
}
