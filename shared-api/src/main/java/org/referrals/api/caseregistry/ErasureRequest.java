package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/cases/{id}/erasure}. */
public record ErasureRequest(@NotBlank @Size(max = Limits.NOTE_MAX) String justification) {
}
