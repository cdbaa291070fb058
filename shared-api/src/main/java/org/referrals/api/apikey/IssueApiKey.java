package org.referrals.api.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;
import org.referrals.api.common.Role;

/** Issues an API key; only its salted hash is ever stored (the secret is shown to the caller once). */
public record IssueApiKey(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = "[a-z0-9-]{6,64}") String keyId,
        @NotNull Role role,
        @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerId,
        @NotBlank @Size(max = Limits.NAME_MAX) String label,
        @NotBlank String salt,
        @NotBlank String hash) {
}
