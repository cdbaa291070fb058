package org.referrals.api.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/cases/{id}/plan/goals/{goalId}/revise}: the goal as it now reads, and why it changed. */
public record ReviseGoalRequest(@NotNull @Valid GoalTerms goal, @NotBlank @Size(max = Limits.NOTE_MAX) String reason) {
}
