package org.referrals.api.caseregistry;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/cases/possible-duplicates}, for coordinators: cases whose names and date of birth match (by blind
 * index, never in clear), oldest first in each group. {@code crossPartner}: registered by more than one partner, which
 * no partner is told (it would tell that a person is registered elsewhere).
 */
public record PossibleDuplicates(List<Member> cases, boolean crossPartner) {

    public record Member(String caseId, String owningPartnerId, Instant registeredAt) {
    }
}
