package org.referrals.api.caseregistry;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CasePersonalDataErased(String caseId, String justification, Instant erasedAt) {
}
