package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/cases/{id}/close}. */
public record CloseCaseRequest(@NotNull CaseClosureReason reason, @Size(max = Limits.NOTE_MAX) String note) {
}
