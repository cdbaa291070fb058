package org.referrals.api.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** An open goal rewritten, with the reason. */
public record ReviseGoal(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
                         @NotNull String goalId, @NotNull @Valid GoalTerms terms, @NotBlank String reason) {
}
