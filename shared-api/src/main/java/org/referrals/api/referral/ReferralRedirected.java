package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
/** Recorded on the original referral; the new one's {@link ReferralRequested} names it in {@code redirectedFrom}. */
@Revision("1")
public record ReferralRedirected(String referralId, String newReferralId, String toPartnerId, String note) {
}
