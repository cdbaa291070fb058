package org.referrals.command.referral;

import static org.referrals.command.testing.TestData.text;
import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CONSENT_ID;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.RECEIVER;
import static org.referrals.command.testing.TestData.REFERRAL_ID;
import static org.referrals.command.testing.TestData.REFERRER;

import java.util.ArrayList;
import java.util.List;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Urgency;

/** Event histories that bring the referral of the tests into each state. */
public final class ReferralHistory {

    public static final ReferralRequested REQUESTED = new ReferralRequested(
            REFERRAL_ID, CASE_ID, REFERRER, RECEIVER, ServiceCategory.HEALTH_CARE, Urgency.EMERGENCY, text("needs care"),
            NOW, NOW.plus(Urgency.EMERGENCY.responseTime()), null, ReferralLegalBasis.consent(CONSENT_ID, LegalBasis.CONSENT));

    private ReferralHistory() {
    }

    public static List<Object> reaching(ReferralStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(REQUESTED);
        switch (status) {
            case REQUESTED -> { }
            case ACCEPTED -> events.add(accepted());
            case DECLINED -> events.add(new ReferralDeclined(REFERRAL_ID, DeclineReason.NO_CAPACITY, text("full")));
            case ON_HOLD -> events.addAll(List.of(accepted(), new ReferralPutOnHold(REFERRAL_ID, text("waitlist"))));
            case IN_PROGRESS -> events.addAll(List.of(accepted(), started()));
            case DELIVERED -> events.addAll(List.of(accepted(), started(), delivered()));
            case FAILED -> events.addAll(List.of(accepted(), new ServiceFailed(REFERRAL_ID, FailureReason.CLIENT_UNREACHABLE, null)));
            case CANCELLED -> events.add(new ReferralCancelled(REFERRAL_ID, ReferralStatus.REQUESTED, text("duplicate")));
            case EXPIRED -> events.add(new ReferralExpired(REFERRAL_ID, REQUESTED.respondBy()));
            case CLOSED -> events.addAll(List.of(accepted(), started(), delivered(),
                                                 new ReferralClosed(REFERRAL_ID, ReferralClosureReason.NEED_MET, null)));
        }
        return events;
    }

    private static ReferralAccepted accepted() {
        return new ReferralAccepted(REFERRAL_ID, null);
    }

    private static ServiceStarted started() {
        return new ServiceStarted(REFERRAL_ID, null);
    }

    private static ServiceDelivered delivered() {
        return new ServiceDelivered(REFERRAL_ID, DeliveryOutcome.SERVICE_PROVIDED, null);
    }
}
