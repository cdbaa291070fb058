package org.referrals.query.common;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.referral.ReferralFacts;

/** Small statistics shared by the caseload, network and statistics figures. */
public final class Figures {

    private Figures() {
    }

    /** The median, the mean of the middle two for an even count; null for no values. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Fewer answers than this give no mean satisfaction (a returnee's own answer could be told), and no share in a
     * de-identified answer; the statistics' suppression threshold.
     */
    public static final int DISCLOSURE_THRESHOLD = 5;

    /** Closed by its referrer, who judged the need (not ended with its case). */
    public static boolean closedByReferrer(ReferralFacts referral) {
        return referral.status() == ReferralStatus.CLOSED && !referral.endedWithCase() && referral.closureReason() != null;
    }

    public static boolean needMet(ReferralFacts referral) {
        return closedByReferrer(referral) && referral.closureReason() == ReferralClosureReason.NEED_MET;
    }

    /** The returnees' mean satisfaction (1-5, two decimals) with these referrals; null below the minimum of answers. */
    public static Double meanSatisfaction(List<ReferralFacts> referrals) {
        List<Integer> answers = referrals.stream().map(ReferralFacts::satisfaction).filter(s -> s != null).toList();
        return answers.size() < DISCLOSURE_THRESHOLD ? null
                : Math.round(answers.stream().mapToInt(Integer::intValue).average().orElseThrow() * 100) / 100.0;
    }

    /**
     * part of whole (three decimals) for a de-identified answer: null unless the part and the rest are each at least
     * 5 (else the share, with the whole, would tell a count below 5).
     */
    public static Double disclosedShare(long part, long whole) {
        return part < DISCLOSURE_THRESHOLD || whole - part < DISCLOSURE_THRESHOLD ? null
                : Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** Hours from one moment to another, when both are known. */
    public static Optional<Double> hoursBetween(Instant start, Instant end) {
        return start == null || end == null ? Optional.empty()
                : Optional.of(Duration.between(start, end).toMillis() / 3_600_000.0);
    }
}
