package org.referrals.api.household;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record HouseholdFormed(String householdId, String headCaseId, String owningPartnerId, Instant formedAt) {
}
