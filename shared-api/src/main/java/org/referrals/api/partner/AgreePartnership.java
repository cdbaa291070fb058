package org.referrals.api.partner;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** A formal agreement (MoU) between two partners: an undirected edge of the network map. */
public record AgreePartnership(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerA,
        @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String partnerB,
        @Size(max = Limits.NOTE_MAX) String description) {
}
