package org.referrals.query.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.referrals.api.partner.Caseload;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.referral.ReferralFacts;

/** The caseload figures of one partner, from the facts of the referrals it received. */
public final class CaseloadFigures {

    private CaseloadFigures() {
    }

    public static Caseload of(String partnerId, Integer capacity, List<ReferralFacts> inbound, Instant now) {
        Map<String, Long> byStatus = new TreeMap<>();
        long active = 0;
        long overdue = 0;
        long accepted = 0;
        long answered = 0;
        List<Double> hoursToRespond = new ArrayList<>();
        List<Double> daysToDeliver = new ArrayList<>();
        for (ReferralFacts referral : inbound) {
            byStatus.merge(referral.status().name(), 1L, Long::sum);
            active += referral.active() ? 1 : 0;
            overdue += referral.overdue(now) ? 1 : 0;
            if (referral.answer() != null) {
                answered++;
                accepted += referral.answer() == ReferralStatus.ACCEPTED ? 1 : 0;
            }
            Figures.hoursBetween(referral.createdAt(), referral.answeredAt()).ifPresent(hoursToRespond::add);
            Figures.hoursBetween(referral.acceptedAt(), referral.deliveredAt()).ifPresent(hours -> daysToDeliver.add(hours / 24));
        }
        Double rate = answered == 0 ? null : (double) accepted / answered;
        long closed = inbound.stream().filter(Figures::closedByReferrer).count();
        long needMet = inbound.stream().filter(Figures::needMet).count();
        Double needMetShare = closed == 0 ? null : Math.round(1000.0 * needMet / closed) / 1000.0;
        return new Caseload(partnerId, active, capacity, byStatus, overdue, rate, Figures.median(hoursToRespond),
                            Figures.median(daysToDeliver), closed, needMet, needMetShare, Figures.meanSatisfaction(inbound));
    }
}
