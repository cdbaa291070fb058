package org.referrals.api.plan;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

@Revision("1")
public record GoalAchieved(String caseId, String goalId, SealedText note, Instant achievedAt) {
}
