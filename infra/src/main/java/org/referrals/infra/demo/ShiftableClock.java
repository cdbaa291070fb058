package org.referrals.infra.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, or (while demo or generated data is written) a moment in the past that the generator moves
 * forward: so the history has plausible dates, in its events and read models alike. A thread may be given a moment
 * of its own ({@link #atOnThisThread}), so that several generator threads each write their own step's moment (the
 * command bus handles a command in the sending thread). Used only with {@code referrals.demo} or
 * {@code referrals.generate.events}.
 */
public final class ShiftableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ThreadLocal<Instant> thisThread = new ThreadLocal<>();

    public void travelTo(Instant moment) {
        offset.set(Duration.between(Instant.now(), moment));
    }

    public void backToNow() {
        offset.set(Duration.ZERO);
    }

    /** Until {@link #releaseThisThread}, this thread reads that moment; the others read the shared time. */
    public void atOnThisThread(Instant moment) {
        thisThread.set(moment);
    }

    public void releaseThisThread() {
        thisThread.remove();
    }

    @Override
    public Instant instant() {
        Instant own = thisThread.get();
        return own != null ? own : Instant.now().plus(offset.get());
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
