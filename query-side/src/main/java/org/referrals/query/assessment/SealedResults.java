package org.referrals.query.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import org.referrals.api.assessment.AssessmentResult;
import org.referrals.api.common.SealedText;
import org.referrals.query.caseregistry.PersonalDataReader;

/** An assessment's result (answers and scores), opened from its sealed JSON; empty once the case's key is destroyed. */
public final class SealedResults {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private SealedResults() {
    }

    public static Optional<AssessmentResult> open(PersonalDataReader personalData, String caseId, SealedText sealed) {
        return sealed == null ? Optional.empty() : personalData.openText(caseId, sealed).map(SealedResults::parse);
    }

    private static AssessmentResult parse(String json) {
        try {
            return JSON.readValue(json, AssessmentResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an assessment's sealed result is not readable", e);
        }
    }
}
