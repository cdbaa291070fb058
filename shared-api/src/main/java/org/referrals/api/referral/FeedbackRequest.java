package org.referrals.api.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/referrals/{id}/feedback}: the returnee's satisfaction (1 to 5) and an optional comment. */
public record FeedbackRequest(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = Limits.NOTE_MAX) String comment) {
}
