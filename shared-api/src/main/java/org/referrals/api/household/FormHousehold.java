package org.referrals.api.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** A household formed around its head's case; the head's owning partner owns the household. */
public record FormHousehold(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String householdId,
                            @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String headCaseId) {
}
