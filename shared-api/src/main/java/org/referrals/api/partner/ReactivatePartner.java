package org.referrals.api.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record ReactivatePartner(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerId,
        @NotBlank @Size(max = Limits.NOTE_MAX) String reason) {
}
