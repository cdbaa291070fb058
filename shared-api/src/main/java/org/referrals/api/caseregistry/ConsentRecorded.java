package org.referrals.api.caseregistry;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.referrals.api.partner.ServiceCategory;

/** Empty scope lists mean "any category" or "any partner". */
@Revision("1")
public record ConsentRecorded(
        String caseId,
        String consentId,
        LegalBasis legalBasis,
        List<ServiceCategory> serviceCategories,
        List<String> partnerIds,
        Instant recordedAt,
        Instant expiresAt) {
}
