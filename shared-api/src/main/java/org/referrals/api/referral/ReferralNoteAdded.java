package org.referrals.api.referral;


import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralNoteAdded(String referralId, String note) {
}
