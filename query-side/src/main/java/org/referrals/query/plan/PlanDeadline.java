package org.referrals.query.plan;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a case's reintegration plan is expected: {@code referrals.plans.expected-within} after registration (30 days
 * by default, as IOM's handbook advises "within about a month").
 */
@Component
public class PlanDeadline {

    private final Duration expectedWithin;

    public PlanDeadline(@Value("${referrals.plans.expected-within:P30D}") Duration expectedWithin) {
        this.expectedWithin = expectedWithin;
    }

    public Instant dueBy(Instant registeredAt) {
        return registeredAt.plus(expectedWithin);
    }

    /** An open case without a plan past its due time. */
    public boolean overdue(Instant registeredAt, Instant planAgreedAt, boolean open, Instant now) {
        return open && planAgreedAt == null && now.isAfter(dueBy(registeredAt));
    }
}
