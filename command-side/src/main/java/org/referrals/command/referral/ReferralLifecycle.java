package org.referrals.command.referral;

import static org.referrals.api.referral.ReferralStatus.ACCEPTED;
import static org.referrals.api.referral.ReferralStatus.CANCELLED;
import static org.referrals.api.referral.ReferralStatus.CLOSED;
import static org.referrals.api.referral.ReferralStatus.DECLINED;
import static org.referrals.api.referral.ReferralStatus.DELIVERED;
import static org.referrals.api.referral.ReferralStatus.EXPIRED;
import static org.referrals.api.referral.ReferralStatus.FAILED;
import static org.referrals.api.referral.ReferralStatus.IN_PROGRESS;
import static org.referrals.api.referral.ReferralStatus.ON_HOLD;
import static org.referrals.api.referral.ReferralStatus.REQUESTED;

import java.util.EnumSet;
import java.util.Set;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.command.common.IllegalTransitionException;

/**
 * The referral state machine of DESIGN section 3, as data: for each command, the states it is allowed in and the
 * state it leads to (null where the state does not change). Everything not listed here is refused.
 */
public enum ReferralLifecycle {
    ACCEPT("AcceptReferral", ACCEPTED, REQUESTED),
    DECLINE("DeclineReferral", DECLINED, REQUESTED),
    HOLD("PutReferralOnHold", ON_HOLD, ACCEPTED, IN_PROGRESS),
    RESUME("ResumeReferral", ACCEPTED, ON_HOLD),
    START("StartService", IN_PROGRESS, ACCEPTED),
    DELIVER("DeliverService", DELIVERED, IN_PROGRESS),
    FAIL("FailService", FAILED, ACCEPTED, ON_HOLD, IN_PROGRESS),
    CANCEL("CancelReferral", CANCELLED, REQUESTED, ACCEPTED, ON_HOLD, IN_PROGRESS),
    EXPIRE("ExpireReferral", EXPIRED, REQUESTED),
    CLOSE("CloseReferral", CLOSED, DELIVERED, FAILED),
    /** Notes: every non-terminal state. */
    NOTE("AddReferralNote", null, REQUESTED, ACCEPTED, ON_HOLD, IN_PROGRESS, DELIVERED, FAILED),
    /** The returnee's feedback, once the service was accepted (until and after the loop is closed). */
    FEEDBACK("RecordReturneeFeedback", null, ACCEPTED, ON_HOLD, IN_PROGRESS, DELIVERED, FAILED, CLOSED),
    /** Recorded once while nobody answered. */
    RECORD_OVERDUE("RecordResponseOverdue", null, REQUESTED),
    /** A new referral to another partner, after this one was declined or expired. */
    REDIRECT("RedirectReferral", null, DECLINED, EXPIRED);

    private final String command;
    private final ReferralStatus target;
    private final Set<ReferralStatus> allowedFrom;

    ReferralLifecycle(String command, ReferralStatus target, ReferralStatus first, ReferralStatus... others) {
        this.command = command;
        this.target = target;
        this.allowedFrom = EnumSet.of(first, others);
    }

    public String command() {
        return command;
    }

    /** The state after the command, or null when the command keeps the state. */
    public ReferralStatus target() {
        return target;
    }

    public boolean isAllowedFrom(ReferralStatus current) {
        return allowedFrom.contains(current);
    }

    /** Refuses the command (409, naming the state) unless it is allowed in the current state. */
    void check(ReferralStatus current) {
        if (!isAllowedFrom(current)) {
            throw new IllegalTransitionException("referral", command, current);
        }
    }
}
