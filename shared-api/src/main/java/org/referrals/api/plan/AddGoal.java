package org.referrals.api.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** A goal added to an agreed plan. */
public record AddGoal(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
                      @NotNull String goalId, @NotNull @Valid GoalTerms terms) {
}
