package org.referrals.api.household;

import org.axonframework.serialization.Revision;

@Revision("1")
public record HouseholdMemberAdded(String householdId, String caseId, HouseholdRole role) {
}
