package org.referrals.api.plan;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GoalAdded(String caseId, PlannedGoal goal, Instant addedAt) {
}
