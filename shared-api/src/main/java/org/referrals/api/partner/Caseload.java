package org.referrals.api.partner;

import java.util.Map;

/**
 * A partner's inbound referrals (DESIGN section 4, "Figures"): {@code active} = REQUESTED, ACCEPTED, ON_HOLD or
 * IN_PROGRESS; {@code capacity} = sum of its services' capacities (null when none set); {@code overdue} = unanswered
 * past respondBy; {@code acceptanceRate} = accepted / answered (null before any answer); medians null when no data.
 * Quality: {@code closed} = closed by the referrer (not ended with the case), {@code needMet} of those with the need
 * met, {@code needMetShare} = needMet / closed (null before any such closure); {@code meanSatisfaction} the
 * returnees' mean satisfaction, 1 to 5 (null below 5 answers).
 */
public record Caseload(String partnerId, long active, Integer capacity, Map<String, Long> byStatus, long overdue,
                       Double acceptanceRate, Double medianHoursToRespond, Double medianDaysToDeliver,
                       long closed, long needMet, Double needMetShare, Double meanSatisfaction) {
}
