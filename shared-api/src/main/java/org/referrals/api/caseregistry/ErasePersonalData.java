package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** Erasure by crypto-shredding: the case's data key is destroyed (ADMIN only). */
public record ErasePersonalData(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotBlank @Size(max = Limits.NOTE_MAX) String justification) {
}
