package org.referrals.api.household;

import org.axonframework.serialization.Revision;

/** On the case's own stream: which household it belongs to, and as whom (a case belongs to one household at most). */
@Revision("1")
public record CaseJoinedHousehold(String caseId, String householdId, HouseholdRole role) {
}
