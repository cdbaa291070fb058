package org.referrals.api.plan;

import java.time.Instant;

/** An open case without an agreed plan past {@code dueBy}, on the coordinators' escalation list. */
public record PlanOverdue(String caseId, String owningPartnerId, Instant registeredAt, Instant dueBy, long daysOverdue) {
}
