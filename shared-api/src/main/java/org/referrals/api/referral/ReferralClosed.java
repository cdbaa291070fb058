package org.referrals.api.referral;


import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralClosed(String referralId, ReferralClosureReason closureReason, String note) {
}
