package org.referrals.api.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/cases/{id}/plan}: the goals agreed with the returnee. */
public record AgreePlanRequest(@NotEmpty @Size(max = 30) List<@Valid GoalTerms> goals) {
}
