package org.referrals.api.caseregistry;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseClosed(String caseId, CaseClosureReason reason, String note, Instant closedAt) {
}
