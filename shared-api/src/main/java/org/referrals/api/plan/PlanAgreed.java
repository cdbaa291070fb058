package org.referrals.api.plan;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanAgreed(String caseId, List<PlannedGoal> goals, Instant agreedAt) {
}
