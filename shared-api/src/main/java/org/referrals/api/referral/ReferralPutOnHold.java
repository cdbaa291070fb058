package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

@Revision("1")
public record ReferralPutOnHold(String referralId, SealedText note) {
}
