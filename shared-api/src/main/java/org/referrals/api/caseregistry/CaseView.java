package org.referrals.api.caseregistry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.referrals.api.household.HouseholdRole;

/**
 * {@code GET /api/cases/{id}}. {@code person} is decrypted for this answer only; it is null once erased. For a
 * partner that only receives referrals of the case it is {@code minimised}, by where its referrals are: while one
 * waits for its answer, what it needs to decide (age band, sex, languages); while one is accepted and not closed,
 * also name and phone; never date of birth, nationality, consents or country of return; and only the
 * vulnerabilities relevant to the categories referred. {@code possibleDuplicates} (coordinators only, else null): the other cases,
 * of any partner, whose names and date of birth match this one's (by blind index), for a coordinator to review.
 * {@code householdId} and {@code householdRole}: the household it belongs to (null when none), for all who see it.
 */
public record CaseView(String caseId, String owningPartnerId, String status, Person person, boolean erased,
                       boolean minimised, Set<Vulnerability> vulnerabilities, String countryOfReturn,
                       List<Consent> consents, Instant registeredAt, List<String> possibleDuplicates,
                       String householdId, HouseholdRole householdRole) {

    /** {@code ageBand}: the age in years at the time of the answer, in bands (0-4, 5-11, 12-17, 18-24, 25-59, 60+). */
    public record Person(String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String nationality,
                         String phone, List<String> languages, String ageBand) {
    }

    public record Consent(String consentId, LegalBasis legalBasis, List<String> serviceCategories,
                          List<String> partnerIds, Instant recordedAt, Instant expiresAt, boolean withdrawn) {
    }
}
