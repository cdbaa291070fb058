package org.referrals.api.caseregistry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.referrals.api.common.Limits;

/** Body of {@code POST /api/cases}. */
public record RegisterCaseRequest(
        @NotNull @Valid PersonalDetails person,
        @NotNull @Size(max = 10) Set<@NotNull Vulnerability> vulnerabilities,
        @NotNull @Pattern(regexp = Limits.COUNTRY_PATTERN) String countryOfReturn,
        @NotNull @Valid ConsentTerms consent) {
}
