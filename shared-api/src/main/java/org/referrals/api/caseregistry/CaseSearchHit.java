package org.referrals.api.caseregistry;

import java.time.Instant;

/** A case found by its person's names and date of birth: no personal data, the caller has it already. */
public record CaseSearchHit(String caseId, String owningPartnerId, String status, Instant registeredAt) {
}
