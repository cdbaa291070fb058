package org.referrals.api.escalation;

import java.time.Instant;
import java.util.List;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;

/**
 * A referral a coordinator should look at, with why ({@code reasons}) and since when: {@code waitingSince} is the
 * earliest moment one of the reasons began, {@code waitedHours} the whole hours from then until the answer was made.
 */
public record Escalation(String referralId, String caseId, String fromPartnerId, String toPartnerId,
                         ServiceCategory serviceCategory, Urgency urgency, ReferralStatus status,
                         List<Reason> reasons, Instant waitingSince, long waitedHours, DeclineReason declineReason) {

    /**
     * {@code OVERDUE}: unanswered past {@code respondBy} (leaves when answered or cancelled). {@code EXPIRED} and
     * {@code DECLINED}: not redirected yet (leave when redirected or closed). {@code CONSENT_OVERRIDE}: made without
     * a covering consent, still unanswered (leaves when answered or cancelled).
     */
    public enum Reason {
        OVERDUE, EXPIRED, DECLINED, CONSENT_OVERRIDE
    }
}
