package org.referrals.api.household;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseLeftHousehold(String caseId, String householdId) {
}
