package org.referrals.query.caseregistry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Projections;
import org.referrals.query.referral.ReferralFields;

/**
 * How much of a case a partner sees that receives referrals of it, by where those referrals are. While one waits
 * for its answer: what it needs to decide. While one is accepted and not yet closed: also whom to call. Nothing
 * once every one of them is declined, cancelled, expired or closed, once the case is closed, or once the consent a
 * referral relied on is withdrawn or expired (a coordinator's override lasts as long as the referral).
 */
public record ReceivingPartnerSight(Level level, Set<ServiceCategory> categories) {

    public enum Level { NONE, TO_DECIDE, WHILE_SERVING }

    private static final Set<ReferralStatus> SERVING = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.ON_HOLD,
            ReferralStatus.IN_PROGRESS, ReferralStatus.DELIVERED, ReferralStatus.FAILED);

    /** @param referrals the documents of the case's referrals made to this partner */
    public static ReceivingPartnerSight of(Document caseDocument, List<Document> referrals, Instant now) {
        Level level = Level.NONE;
        Set<ServiceCategory> categories = EnumSet.noneOf(ServiceCategory.class);
        if ("CLOSED".equals(caseDocument.getString(CaseFields.STATUS))) {
            return new ReceivingPartnerSight(level, categories);
        }
        for (Document referral : referrals) {
            ReferralStatus status = ReferralStatus.valueOf(referral.getString(ReferralFields.STATUS));
            Level sight = status == ReferralStatus.REQUESTED ? Level.TO_DECIDE
                    : SERVING.contains(status) ? Level.WHILE_SERVING : Level.NONE;
            if (sight != Level.NONE && consentLasts(caseDocument, referral.getString(ReferralFields.CONSENT_ID), now)) {
                categories.add(ServiceCategory.valueOf(referral.getString(ReferralFields.CATEGORY)));
                level = sight.compareTo(level) > 0 ? sight : level;
            }
        }
        return new ReceivingPartnerSight(level, level == Level.NONE ? EnumSet.noneOf(ServiceCategory.class) : categories);
    }

    /** The vulnerabilities a provider of the referred categories needs to know. */
    public Set<Vulnerability> relevant(Set<Vulnerability> vulnerabilities) {
        Set<Vulnerability> relevant = EnumSet.noneOf(Vulnerability.class);
        vulnerabilities.stream().filter(v -> categories.stream().anyMatch(v::isRelevantTo)).forEach(relevant::add);
        return relevant;
    }

    /** Age in bands that tell a provider whether it serves the person, not who they are. */
    public static String ageBand(LocalDate dateOfBirth, Instant now) {
        int years = Period.between(dateOfBirth, now.atZone(ZoneOffset.UTC).toLocalDate()).getYears();
        return years < 5 ? "0-4" : years < 12 ? "5-11" : years < 18 ? "12-17" : years < 25 ? "18-24" : years < 60 ? "25-59" : "60+";
    }

    private static boolean consentLasts(Document caseDocument, String consentId, Instant now) {
        if (consentId == null) {
            return true;
        }
        return caseDocument.getList(CaseFields.CONSENTS, Document.class, List.of()).stream()
                           .filter(consent -> consentId.equals(consent.getString(CaseFields.CONSENT_ID)))
                           .anyMatch(consent -> !consent.getBoolean(CaseFields.WITHDRAWN, false)
                                   && (Projections.instant(consent, CaseFields.EXPIRES_AT) == null
                                       || Projections.instant(consent, CaseFields.EXPIRES_AT).isAfter(now)));
    }
}
