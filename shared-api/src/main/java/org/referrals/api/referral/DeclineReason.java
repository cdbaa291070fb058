package org.referrals.api.referral;

public enum DeclineReason {
    NO_CAPACITY,
    NOT_ELIGIBLE,
    OUT_OF_SERVICE_AREA,
    SERVICE_NOT_OFFERED,
    MISSING_INFORMATION,
    OTHER
}
