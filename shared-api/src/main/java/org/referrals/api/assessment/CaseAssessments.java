package org.referrals.api.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/cases/{id}/assessments}: the case's assessments, oldest first, each with its scores and the change
 * of each score since the previous assessment with the same instrument; answers and scores are null once the case's
 * personal data is erased.
 */
public record CaseAssessments(String caseId, List<Assessment> assessments) {

    public record Assessment(String assessmentId, String instrument, int version, LocalDate takenOn, Instant recordedAt,
                             Map<String, String> answers, AssessmentScores scores, Map<String, Double> change) {
    }
}
