package org.referrals.api.caseregistry;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

@Revision("1")
public record CasePersonalDataErased(String caseId, SealedText justification, Instant erasedAt) {
}
