package org.referrals.command.referral.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ResponseDeadlines} in step with the referrals. A subscribing processor (see application.yml): it runs
 * in the transaction of the command that applied the event, so the deadline is stored (or removed) exactly when the
 * event is.
 */
@Component
@ProcessingGroup(ResponseDeadlineRecorder.GROUP)
public class ResponseDeadlineRecorder {

    public static final String GROUP = "referral-deadlines";

    private final ResponseDeadlines deadlines;
    private final GracePeriod grace;

    public ResponseDeadlineRecorder(ResponseDeadlines deadlines,
                                    @Value("${referrals.deadlines.grace-period:same}") String gracePeriod) {
        this.deadlines = deadlines;
        this.grace = GracePeriod.parse(gracePeriod);
    }

    /** The grace period in force when the referral is requested applies to it. */
    @EventHandler
    void on(ReferralRequested event) {
        deadlines.schedule(event.referralId(), event.respondBy(), grace.expiresAt(event.requestedAt(), event.respondBy()));
    }

    @EventHandler
    void on(ReferralResponseOverdue event) {
        deadlines.overdueRecorded(event.referralId());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        deadlines.cancel(event.referralId());
    }

    @EventHandler
    void on(ReferralDeclined event) {
        deadlines.cancel(event.referralId());
    }

    @EventHandler
    void on(ReferralCancelled event) {
        deadlines.cancel(event.referralId());
    }

    @EventHandler
    void on(ReferralExpired event) {
        deadlines.cancel(event.referralId());
    }
}
