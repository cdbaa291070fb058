package org.referrals.api.referral;


import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralDeclined(String referralId, DeclineReason reasonCode, String note) {
}
