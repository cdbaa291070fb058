package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
/** {@code cancelledIn}: the status the referral had when it was cancelled. */
@Revision("1")
public record ReferralCancelled(String referralId, ReferralStatus cancelledIn, String reason) {
}
