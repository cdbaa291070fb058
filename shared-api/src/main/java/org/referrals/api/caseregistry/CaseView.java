package org.referrals.api.caseregistry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/cases/{id}}. {@code person} is decrypted for this answer only; it is null once erased. For a
 * partner that only receives referrals of the case it is {@code minimised}: name, phone and languages, without
 * date of birth, sex or nationality.
 */
public record CaseView(String caseId, String owningPartnerId, String status, Person person, boolean erased,
                       boolean minimised, Set<Vulnerability> vulnerabilities, String countryOfReturn,
                       List<Consent> consents, Instant registeredAt) {

    public record Person(String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String nationality,
                         String phone, List<String> languages) {
    }

    public record Consent(String consentId, LegalBasis legalBasis, List<String> serviceCategories,
                          List<String> partnerIds, Instant recordedAt, Instant expiresAt, boolean withdrawn) {
    }
}
