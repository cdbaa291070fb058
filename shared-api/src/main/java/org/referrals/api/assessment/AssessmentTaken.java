package org.referrals.api.assessment;

/** Answer of {@code POST /api/cases/{id}/assessments}: the new assessment's id and its scores. */
public record AssessmentTaken(String caseId, String assessmentId, String instrument, int version, AssessmentScores scores) {
}
