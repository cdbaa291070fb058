package org.referrals.api.caseregistry;

import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseDetailsCorrected(
        String caseId,
        SealedPersonalData personalData,
        Set<Vulnerability> vulnerabilities,
        String countryOfReturn) {
}
