package org.referrals.api.referral;

import java.time.LocalDate;
import java.util.List;
import org.referrals.api.partner.ReintegrationDimension;

/**
 * {@code GET /api/stats/quality}: whether referrals served the returnees, and how plans and assessments went, over
 * the network, de-identified. Counts follow {@link Statistics}' suppression (below 5: {@code "<5"}; {@code "x"}:
 * hidden to protect one). A share, mean or median is null where fewer than 5 make it, and a share also where the
 * rest would be fewer than 5 (it would tell a small count).
 */
public record QualityFigures(LocalDate from, LocalDate to, Closures closures, Satisfaction satisfaction,
                             PlanToService planToFirstService, List<Goals> goalsByDimension,
                             List<Scores> assessmentsByDimension) {

    /**
     * Referrals made in the period and closed by their referrer (not ended with their case): how many, how many with
     * the need met; of those whose referrer answered the question, how many received the service as planned.
     */
    public record Closures(Object closed, Object needMet, Double needMetShare, Object asked, Object receivedAsPlanned,
                           Double receivedAsPlannedShare) {
    }

    /** The returnees' latest satisfaction (1 to 5) with referrals made in the period: answers and their mean. */
    public record Satisfaction(Object answers, Double mean) {
    }

    /**
     * Plans agreed in the period; those followed by a delivered service of the case; the median days from the plan's
     * agreement to the first service delivered after it.
     */
    public record PlanToService(Object plans, Object served, Double medianDays) {
    }

    /** Goals of plans agreed in the period, by dimension and status; the share achieved of those ended. */
    public record Goals(ReintegrationDimension dimension, Object goals, Object achieved, Object dropped, Object open,
                        Double achievedShare) {
    }

    /**
     * Cases with at least two assessments taken in the period (RSS): the mean score (0-1) of the first and of the
     * latest, and the mean change, for each dimension and {@code composite}. Erased cases are not counted.
     */
    public record Scores(String dimension, Object cases, Double first, Double latest, Double change) {
    }
}
