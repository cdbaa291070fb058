package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

public record WithdrawConsent(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String consentId,
        @Size(max = Limits.NOTE_MAX) String note) {
}
