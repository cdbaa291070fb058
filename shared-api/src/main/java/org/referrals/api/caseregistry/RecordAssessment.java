package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** Records an assessment of the case with an instrument of {@code Instruments}: answers by indicator id. */
public record RecordAssessment(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull String assessmentId,
        @NotNull String instrumentId,
        int instrumentVersion,
        @NotNull @Size(max = 100) Map<String, String> answers,
        @NotNull LocalDate takenOn) {
}
