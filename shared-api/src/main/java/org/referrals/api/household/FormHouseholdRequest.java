package org.referrals.api.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/households}. */
public record FormHouseholdRequest(@NotNull @Pattern(regexp = Limits.UUID_PATTERN) String headCaseId) {
}
