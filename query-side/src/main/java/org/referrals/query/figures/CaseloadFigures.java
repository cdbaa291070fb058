package org.referrals.query.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.referrals.api.partner.Caseload;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.common.Projections;

/** The caseload figures of one partner, from the documents of its inbound referrals. */
public final class CaseloadFigures {

    static final Set<ReferralStatus> ACTIVE = EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                                                         ReferralStatus.ON_HOLD, ReferralStatus.IN_PROGRESS);

    private CaseloadFigures() {
    }

    public static Caseload of(String partnerId, Integer capacity, List<Document> inbound, Instant now) {
        Map<String, Long> byStatus = new TreeMap<>();
        long active = 0;
        long overdue = 0;
        long accepted = 0;
        long answered = 0;
        List<Double> hoursToRespond = new ArrayList<>();
        List<Double> daysToDeliver = new ArrayList<>();
        for (Document referral : inbound) {
            ReferralStatus status = ReferralStatus.valueOf(referral.getString("status"));
            byStatus.merge(status.name(), 1L, Long::sum);
            if (ACTIVE.contains(status)) {
                active++;
            }
            Instant respondBy = Projections.instant(referral, "respondBy");
            if (status == ReferralStatus.REQUESTED && respondBy != null && now.isAfter(respondBy)) {
                overdue++;
            }
            String answer = referral.getString("answer");
            if (answer != null) {
                answered++;
                if (answer.equals(ReferralStatus.ACCEPTED.name())) {
                    accepted++;
                }
            }
            Figures.hoursBetween(referral, "createdAt", "answeredAt").ifPresent(hoursToRespond::add);
            Figures.hoursBetween(referral, "acceptedAt", "deliveredAt").ifPresent(hours -> daysToDeliver.add(hours / 24));
        }
        Double rate = answered == 0 ? null : (double) accepted / answered;
        return new Caseload(partnerId, active, capacity, byStatus, overdue, rate, Figures.median(hoursToRespond),
                            Figures.median(daysToDeliver));
    }
}
