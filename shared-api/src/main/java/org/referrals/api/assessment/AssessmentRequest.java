package org.referrals.api.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * Body of {@code POST /api/cases/{id}/assessments}: the instrument ({@code rss}), its version (the latest if
 * omitted), the day it was taken (today if omitted) and the answers by indicator id; an indicator left out is
 * a missing answer.
 */
public record AssessmentRequest(@NotBlank @Size(max = 40) String instrument, Integer version, LocalDate takenOn,
                                @NotNull @Size(max = 100) Map<String, String> answers) {
}
