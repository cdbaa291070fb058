package org.referrals.api.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/** A coordinator's written justification for referring without a covering consent. */
public record ConsentOverride(@NotBlank @Size(max = Limits.NOTE_MAX) String justification) {
}
