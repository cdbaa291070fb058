package org.referrals.api.plan;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

/** {@code goal} is the goal as it now reads (same id); {@code reason} sealed. */
@Revision("1")
public record GoalRevised(String caseId, PlannedGoal goal, SealedText reason, Instant revisedAt) {
}
