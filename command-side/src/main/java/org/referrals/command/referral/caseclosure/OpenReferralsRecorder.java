package org.referrals.command.referral.caseclosure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralRequested;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OpenReferrals} in step with the events. A subscribing processor (application.yml): it writes in the
 * transaction of the command that applied the event. {@link #record} is also how a store written before this table
 * existed is read into it, once.
 */
@Component
@ProcessingGroup(OpenReferralsRecorder.GROUP)
public class OpenReferralsRecorder {

    public static final String GROUP = "open-referrals";

    private final OpenReferrals openReferrals;

    public OpenReferralsRecorder(OpenReferrals openReferrals) {
        this.openReferrals = openReferrals;
    }

    /** What one event changes in the table; other events change nothing. */
    public static void record(OpenReferrals table, Object event) {
        if (event instanceof ReferralRequested requested) {
            table.opened(requested.referralId(), requested.caseId());
        } else if (event instanceof ReferralDeclined e) {
            table.ended(e.referralId());
        } else if (event instanceof ReferralExpired e) {
            table.ended(e.referralId());
        } else if (event instanceof ReferralCancelled e) {
            table.ended(e.referralId());
        } else if (event instanceof ReferralClosed e) {
            table.ended(e.referralId());
        } else if (event instanceof CaseClosed closed) {
            table.caseClosed(closed.caseId(), closed.reason());
        }
    }

    @EventHandler
    void on(ReferralRequested event) {
        record(openReferrals, event);
    }

    @EventHandler
    void on(ReferralDeclined event) {
        record(openReferrals, event);
    }

    @EventHandler
    void on(ReferralExpired event) {
        record(openReferrals, event);
    }

    @EventHandler
    void on(ReferralCancelled event) {
        record(openReferrals, event);
    }

    @EventHandler
    void on(ReferralClosed event) {
        record(openReferrals, event);
    }

    @EventHandler
    void on(CaseClosed event) {
        record(openReferrals, event);
    }
}
