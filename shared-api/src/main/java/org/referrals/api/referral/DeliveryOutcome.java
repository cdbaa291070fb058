package org.referrals.api.referral;

public enum DeliveryOutcome {
    SERVICE_PROVIDED,
    PARTIALLY_PROVIDED
}
