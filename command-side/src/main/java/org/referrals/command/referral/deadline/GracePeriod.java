package org.referrals.command.referral.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after {@code respondBy} an unanswered referral expires: {@code referrals.deadlines.grace-period}, an
 * ISO-8601 duration such as {@code PT48H}, or {@code same} (the default) for as long again as the response time
 * its urgency gave it (24 h, 72 h or 7 days).
 */
public record GracePeriod(Duration fixed) {

    public static GracePeriod parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("same")) {
            return new GracePeriod(null);
        }
        Duration fixed = Duration.parse(setting.trim());
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("referrals.deadlines.grace-period must not be negative: " + setting);
        }
        return new GracePeriod(fixed);
    }

    public Instant expiresAt(Instant requestedAt, Instant respondBy) {
        return respondBy.plus(fixed != null ? fixed : Duration.between(requestedAt, respondBy));
    }
}
