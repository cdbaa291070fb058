package org.referrals.api.referral;

/** What every referral command answers: the referral's status and version after the command. */
public record ReferralResult(String referralId, ReferralStatus status, long version) {
}
