package org.referrals.command.common;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.referrals.api.common.DaemonThreads;

/**
 * Work the system does by itself at a fixed delay (deadline scan, retention sweep) on a daemon thread of its own.
 * A failing round is logged and tried again at the next one: the work must be safe to repeat.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private final ScheduledExecutorService worker;

    public PeriodicTask(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.worker = DaemonThreads.single(name);
    }

    /** Starts the rounds, the first after {@code min(5 s, interval)} so that the application can finish starting. */
    public void start() {
        long delay = interval.toMillis();
        worker.scheduleWithFixedDelay(this::round, Math.min(5_000, delay), delay, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{}: round stopped, tried again in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
