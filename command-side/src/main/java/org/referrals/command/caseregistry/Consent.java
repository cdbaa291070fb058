package org.referrals.command.caseregistry;

import java.time.Instant;
import java.util.List;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.partner.ServiceCategory;

/** One consent (or other legal basis) of a case, as the {@link Case} aggregate remembers it. */
public record Consent(String consentId, LegalBasis legalBasis, List<ServiceCategory> categories, List<String> partnerIds,
               Instant expiresAt, boolean withdrawn) {

    static Consent from(ConsentRecorded event) {
        return new Consent(event.consentId(), event.legalBasis(), List.copyOf(event.serviceCategories()),
                           List.copyOf(event.partnerIds()), event.expiresAt(), false);
    }

    Consent withdraw() {
        return new Consent(consentId, legalBasis, categories, partnerIds, expiresAt, true);
    }

    /** Valid at that moment, and its scope (empty = any) includes the partner and the category. */
    boolean covers(String partnerId, ServiceCategory category, Instant at) {
        return !withdrawn && (expiresAt == null || at.isBefore(expiresAt)) && scopeIncludes(partnerId, category);
    }

    boolean scopeIncludes(String partnerId, ServiceCategory category) {
        return (categories.isEmpty() || categories.contains(category))
                && (partnerIds.isEmpty() || partnerIds.contains(partnerId));
    }
}
