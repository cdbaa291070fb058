package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.common.SealedText;
/**
 * {@code cancelledIn}: the status the referral had when it was cancelled. {@code caseClosed}: the closure reason
 * when it was cancelled because its case was closed (by the system; {@code reason} null then), else null.
 */
@Revision("1")
public record ReferralCancelled(String referralId, ReferralStatus cancelledIn, SealedText reason,
                                CaseClosureReason caseClosed) {

    /** Cancelled by a party or a coordinator. */
    public ReferralCancelled(String referralId, ReferralStatus cancelledIn, SealedText reason) {
        this(referralId, cancelledIn, reason, null);
    }
}
