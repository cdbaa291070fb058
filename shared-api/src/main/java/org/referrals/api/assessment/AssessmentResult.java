package org.referrals.api.assessment;

import java.util.Map;

/** What an {@code AssessmentRecorded} seals: the answers (indicator id to option code) and their scores. */
public record AssessmentResult(Map<String, String> answers, AssessmentScores scores) {
}
