package org.referrals.api.partner;

import java.util.Map;

/**
 * A partner's inbound referrals (DESIGN section 4, "Figures"): {@code active} = REQUESTED, ACCEPTED, ON_HOLD or
 * IN_PROGRESS; {@code capacity} = sum of its services' capacities (null when none set); {@code overdue} = unanswered
 * past respondBy; {@code acceptanceRate} = accepted / answered (null before any answer); medians null when no data.
 */
public record Caseload(String partnerId, long active, Integer capacity, Map<String, Long> byStatus, long overdue,
                       Double acceptanceRate, Double medianHoursToRespond, Double medianDaysToDeliver) {
}
