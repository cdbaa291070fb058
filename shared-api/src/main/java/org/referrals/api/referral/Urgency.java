package org.referrals.api.referral;

import java.time.Duration;

/** How fast the receiving partner must answer a referral. */
public enum Urgency {
    EMERGENCY(Duration.ofHours(24)),
    PRIORITY(Duration.ofHours(72)),
    ROUTINE(Duration.ofDays(7));

    private final Duration responseTime;

    Urgency(Duration responseTime) {
        this.responseTime = responseTime;
    }

    public Duration responseTime() {
        return responseTime;
    }
}
