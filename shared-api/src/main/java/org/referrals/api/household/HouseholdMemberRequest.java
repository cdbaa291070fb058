package org.referrals.api.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/households/{id}/members}: a case and its role (not HEAD: the head is set when formed). */
public record HouseholdMemberRequest(@NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId, @NotNull HouseholdRole role) {
}
