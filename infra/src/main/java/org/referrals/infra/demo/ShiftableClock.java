package org.referrals.infra.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, or (while demo or generated data is written) a moment in the past that the generator moves
 * forward: so the history has plausible dates, in its events and read models alike. Used only with
 * {@code referrals.demo} or {@code referrals.generate.events}.
 */
public final class ShiftableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void travelTo(Instant moment) {
        offset.set(Duration.between(Instant.now(), moment));
    }

    public void backToNow() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
