package org.referrals.api.caseregistry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/**
 * Registers a migrant as a case of the sender's partner, with a first consent or other legal basis.
 *
 * @param caseId    chosen by the sender (a UUID)
 * @param consentId chosen by the sender (a UUID), names the first consent
 */
public record RegisterCase(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull @Valid PersonalDetails person,
        @NotNull @Size(max = 10) Set<@NotNull Vulnerability> vulnerabilities,
        @NotNull @Pattern(regexp = Limits.COUNTRY_PATTERN) String countryOfReturn,
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String consentId,
        @NotNull @Valid ConsentTerms consent) {
}
