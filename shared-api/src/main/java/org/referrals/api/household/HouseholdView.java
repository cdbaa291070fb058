package org.referrals.api.household;

import java.util.List;
import java.util.Set;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.caseregistry.Vulnerability;

/**
 * {@code GET /api/households/{id}}: its members, each as the caller may see that member's case. Whole (its owner's
 * agents, coordinators): names, date of birth, sex, vulnerabilities and status. Otherwise (a partner that sees one of
 * the household's cases): the role, the age band and the children's vulnerabilities (unaccompanied or separated
 * child) only. Names are null once the member's personal data is erased.
 */
public record HouseholdView(String householdId, String owningPartnerId, List<Member> members) {

    public record Member(String caseId, HouseholdRole role, boolean whole, String owningPartnerId, String status,
                         boolean erased, String givenName, String familyName, java.time.LocalDate dateOfBirth, Sex sex,
                         String ageBand, Set<Vulnerability> vulnerabilities) {
    }
}
