package org.referrals.api.caseregistry;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Personal data only sealed; always followed, in the same commit, by the first {@link ConsentRecorded}. */
@Revision("1")
public record CaseRegistered(
        String caseId,
        String owningPartnerId,
        SealedPersonalData personalData,
        Set<Vulnerability> vulnerabilities,
        String countryOfReturn,
        Instant registeredAt) {
}
