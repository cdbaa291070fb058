package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;
/** Recorded on the original referral; the new one's {@link ReferralRequested} names it in {@code redirectedFrom}. */
@Revision("1")
public record ReferralRedirected(String referralId, String newReferralId, String toPartnerId, SealedText note) {
}
