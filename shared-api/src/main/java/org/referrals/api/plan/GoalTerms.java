package org.referrals.api.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.referrals.api.common.Limits;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;

/**
 * What a goal says: its dimension, its description (personal data: sealed under the case's key), the date it should
 * be reached by, and the service categories whose referrals can serve it.
 */
public record GoalTerms(
        @NotNull ReintegrationDimension dimension,
        @NotBlank @Size(max = Limits.NOTE_MAX) String description,
        @NotNull LocalDate targetDate,
        @NotEmpty @Size(max = 20) Set<@NotNull ServiceCategory> serviceCategories) {
}
