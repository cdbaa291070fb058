package org.referrals.api.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record UpdatePartnerServices(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerId,
        @NotNull @Size(max = 50) List<@NotNull @Valid ServiceOffer> services) {
}
