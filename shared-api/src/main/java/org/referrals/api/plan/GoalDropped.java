package org.referrals.api.plan;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.common.SealedText;

/**
 * An open goal given up: by its owner with a sealed {@code reason}, or because the case was closed
 * ({@code caseClosed}, the case's closure reason; {@code reason} null then).
 */
@Revision("1")
public record GoalDropped(String caseId, String goalId, SealedText reason, CaseClosureReason caseClosed, Instant droppedAt) {

    /** The goal's status from now on: dropped by its owner, or ended with its case. */
    public GoalStatus status() {
        return caseClosed == null ? GoalStatus.DROPPED : GoalStatus.CLOSED_WITH_CASE;
    }
}
