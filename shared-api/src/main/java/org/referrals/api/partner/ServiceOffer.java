package org.referrals.api.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;

/**
 * One service a partner offers.
 *
 * @param capacity    the most referrals for this service it can hold active at once; null when not limited
 * @param eligibility who can be served, in words; optional
 */
public record ServiceOffer(
        @NotNull ServiceCategory category,
        @Min(0) @Max(1_000_000) Integer capacity,
        @Size(max = Limits.NOTE_MAX) String eligibility) {
}
