package org.referrals.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A body with a required reason (suspend, reactivate). */
public record ReasonRequest(@NotBlank @Size(max = Limits.NOTE_MAX) String reason) {
}
