package org.referrals.api.referral;

public enum FailureReason {
    CLIENT_UNREACHABLE,
    CLIENT_WITHDREW,
    CLIENT_INELIGIBLE,
    PROVIDER_UNABLE,
    OTHER
}
