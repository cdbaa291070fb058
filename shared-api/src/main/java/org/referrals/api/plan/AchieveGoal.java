package org.referrals.api.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** An open goal reached; the note is optional. */
public record AchieveGoal(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
                          @NotNull String goalId, String note) {
}
