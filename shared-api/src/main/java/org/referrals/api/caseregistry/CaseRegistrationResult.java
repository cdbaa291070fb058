package org.referrals.api.caseregistry;

import java.util.List;

/** Answer of {@code POST /api/cases}. */
public record CaseRegistrationResult(String caseId, List<String> possibleDuplicates) {
}
