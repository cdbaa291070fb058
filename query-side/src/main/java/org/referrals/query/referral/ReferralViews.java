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
        return actor.isCoordinator() || actor.actsFor(referral.getString(ReferralFields.FROM))
                || actor.actsFor(referral.getString(ReferralFields.TO));
    }

    /** Without the decline note: lists and the live stream never carry free text (it may name the person). */
    public static ReferralView view(Document d, Instant now) {
        return view(d, now, null);
    }

    /** With the decline note opened for one referral, for a caller allowed to read its case (else null). */
    public static ReferralView view(Document d, Instant now, String declineNote) {
        ReferralStatus status = ReferralStatus.valueOf(d.getString(ReferralFields.STATUS));
        Instant respondBy = instant(d, ReferralFields.RESPOND_BY);
        boolean overdue = status == ReferralStatus.REQUESTED && now.isAfter(respondBy);
        return new ReferralView(d.getString("_id"), d.getString(ReferralFields.CASE), d.getString(ReferralFields.FROM),
                                d.getString(ReferralFields.TO), ServiceCategory.valueOf(d.getString(ReferralFields.CATEGORY)),
                                Urgency.valueOf(d.getString(ReferralFields.URGENCY)), status, respondBy, overdue,
                                instant(d, ReferralFields.CREATED_AT), instant(d, Projections.UPDATED_AT), d.getLong(Projections.VERSION),
                                d.getString(ReferralFields.REDIRECTED_FROM), d.getString(ReferralFields.REDIRECTED_TO),
                                d.getString(ReferralFields.DECLINE_REASON) == null ? null : DeclineReason.valueOf(d.getString(ReferralFields.DECLINE_REASON)),
                                declineNote, d.getString(ReferralFields.GOAL), d.getString(ReferralFields.HOUSEHOLD));
    }
}
