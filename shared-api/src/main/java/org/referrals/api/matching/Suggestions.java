package org.referrals.api.matching;

import java.util.List;
import java.util.Map;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Urgency;

/**
 * {@code GET /api/referrals/suggestions}: partners offering the category, best first. Eligible ones come first;
 * those a referral cannot go to now follow, marked with why ({@code exclusions}).
 */
public record Suggestions(String caseId, ServiceCategory category, String region, Urgency urgency, List<Suggestion> items) {

    /**
     * @param score       0 to 100: region 30, free capacity 25, acceptance rate 20, response time 15, language 10
     * @param explanation one sentence per criterion, with the points it gave
     * @param exclusions  empty when eligible; else SUSPENDED, AT_CAPACITY, OUTSIDE_CONSENT_SCOPE
     * @param criteria    the explanation again, as codes with their points and values, for a client to render in its
     *                    user's language
     */
    public record Suggestion(String partnerId, String name, double score, boolean eligible, List<String> explanation,
                             List<Exclusion> exclusions, List<Criterion> criteria) {
    }

    /**
     * One criterion of a score: {@code code} (e.g. {@code servesRegion}, {@code placesFree}), the points it gave (null
     * where the caller sees coarse figures only) and the values it read (a value named after an enumeration, such
     * as {@code Urgency}, holds one of its codes).
     */
    public record Criterion(String code, Double points, Map<String, String> values) {
    }

    /** Why a referral cannot go to a partner now (OUTSIDE_CONSENT_SCOPE: only with a coordinator's override). */
    public enum Exclusion {
        SUSPENDED, AT_CAPACITY, OUTSIDE_CONSENT_SCOPE
    }
}
