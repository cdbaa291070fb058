package org.referrals.api.plan;

import java.util.List;

/** The answer to a change of a plan: the case and the goals the change made or touched. */
public record PlanChange(String caseId, List<String> goalIds) {
}
