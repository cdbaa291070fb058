package org.referrals.api.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;
import org.referrals.api.common.Role;

/** Body of {@code POST /api/admin/api-keys}; {@code partnerId} is required for, and only for, PARTNER_AGENT. */
public record IssueApiKeyRequest(
        @NotNull Role role,
        @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerId,
        @NotBlank @Size(max = Limits.NAME_MAX) String label) {
}
