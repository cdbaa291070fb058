package org.referrals.api.referral;


import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceFailed(String referralId, FailureReason reasonCode, String note) {
}
