package org.referrals.command.caseregistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.referrals.api.assessment.AssessmentResult;
import org.referrals.api.common.SealedText;
import org.referrals.command.common.TextSealer;

/** An assessment's answers and scores as the sealed JSON text its event carries (opened on the query side). */
final class AssessmentSealing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssessmentSealing() {
    }

    static SealedText seal(TextSealer texts, String caseId, AssessmentResult result) {
        try {
            return texts.sealText(caseId, JSON.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an assessment result is plain data", e);
        }
    }
}
