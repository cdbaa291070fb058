package org.referrals.api.caseregistry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record RecordConsent(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String consentId,
        @NotNull @Valid ConsentTerms consent) {
}
