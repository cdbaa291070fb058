package org.referrals.api.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record AddHouseholdMember(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String householdId,
                                 @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
                                 @NotNull HouseholdRole role) {
}
