package org.referrals.query.referral;

import static org.referrals.query.common.Projections.instant;

import java.time.Instant;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ReferralView;
import org.referrals.api.referral.Urgency;
import org.referrals.query.common.Projections;

/** A document of the {@code referrals} collection as the API shows it, and who may see it. */
public final class ReferralViews {

    private ReferralViews() {
    }

    public static boolean visibleTo(Document referral, Actor actor) {
        return actor.isCoordinator() || actor.actsFor(referral.getString("fromPartnerId"))
                || actor.actsFor(referral.getString("toPartnerId"));
    }

    public static ReferralView view(Document d, Instant now) {
        ReferralStatus status = ReferralStatus.valueOf(d.getString("status"));
        Instant respondBy = instant(d, "respondBy");
        boolean overdue = status == ReferralStatus.REQUESTED && now.isAfter(respondBy);
        return new ReferralView(d.getString("_id"), d.getString("caseId"), d.getString("fromPartnerId"),
                                d.getString("toPartnerId"), ServiceCategory.valueOf(d.getString("serviceCategory")),
                                Urgency.valueOf(d.getString("urgency")), status, respondBy, overdue,
                                instant(d, "createdAt"), instant(d, Projections.UPDATED_AT), d.getLong(Projections.VERSION),
                                d.getString("redirectedFrom"), d.getString("redirectedTo"),
                                d.getString("declineReason") == null ? null : DeclineReason.valueOf(d.getString("declineReason")),
                                d.getString("declineNote"));
    }
}
