package org.referrals.api.caseregistry;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

/**
 * An assessment of the case. Its answers and scores ({@link org.referrals.api.assessment.AssessmentResult} as JSON)
 * are personal data of the case: sealed under its key, gone with its erasure.
 */
@Revision("1")
public record AssessmentRecorded(String caseId, String assessmentId, String instrumentId, int instrumentVersion,
                                 LocalDate takenOn, SealedText result, Instant recordedAt) {
}
