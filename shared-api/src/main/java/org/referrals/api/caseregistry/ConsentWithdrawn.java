package org.referrals.api.caseregistry;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsentWithdrawn(String caseId, String consentId, String note, Instant withdrawnAt) {
}
