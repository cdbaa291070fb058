package org.referrals.api.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** Agrees the case's reintegration plan: its first goals, each with an id chosen by the sender. */
public record AgreePlan(@TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
                        @NotEmpty List<@Valid NewGoal> goals) {

    public record NewGoal(@NotNull String goalId, @NotNull @Valid GoalTerms terms) {
    }
}
