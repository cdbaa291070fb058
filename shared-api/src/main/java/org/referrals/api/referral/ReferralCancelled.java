package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;
/** {@code cancelledIn}: the status the referral had when it was cancelled. */
@Revision("1")
public record ReferralCancelled(String referralId, ReferralStatus cancelledIn, SealedText reason) {
}
