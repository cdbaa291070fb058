package org.referrals.api.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record RegisterPartner(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerId,
        @NotBlank @Size(max = Limits.NAME_MAX) String name,
        @NotNull PartnerKind kind,
        @NotNull @Pattern(regexp = Limits.COUNTRY_PATTERN) String country,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotBlank @Size(max = Limits.NAME_MAX) String> regions,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Pattern(regexp = Limits.LANGUAGE_PATTERN) String> languages,
        @NotBlank @Email @Size(max = Limits.NAME_MAX) String contactEmail,
        @NotNull @Size(max = 50) List<@NotNull @Valid ServiceOffer> services) {
}
