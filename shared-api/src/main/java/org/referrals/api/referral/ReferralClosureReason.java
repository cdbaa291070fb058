package org.referrals.api.referral;

public enum ReferralClosureReason {
    NEED_MET,
    NEED_PARTIALLY_MET,
    NEED_NOT_MET,
    OTHER
}
