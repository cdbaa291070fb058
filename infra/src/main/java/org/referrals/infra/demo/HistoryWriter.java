package org.referrals.infra.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.command.common.CommandRefusedException;
import org.referrals.command.common.SystemCommands;
import org.referrals.command.referral.deadline.DeadlineScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link HistoryPlan}'s commands through the command bus, as the API would, on several threads: the plan
 * is cut into windows of consecutive steps; in a window the groups (cases) run side by side, each in its own order,
 * each thread at its step's moment; the next window starts when the window is done. Between windows the shared
 * clock moves to the window's first moment (so the tracking processors judge gaps by the time of the events they
 * read) and, every 6 hours of history, the deadline scan runs, so unanswered referrals turn overdue and expire.
 * Logs its progress every 10 seconds.
 */
final class HistoryWriter {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final Duration SCAN_EVERY = Duration.ofHours(6);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    /** What was written: commands sent, refused by the rules as planned (an answer after the referral expired). */
    record Written(long commands, long refused, Duration took) {
    }

    private final CommandGateway commands;
    private final ShiftableClock time;
    private final DeadlineScanner deadlines;
    private final int threads;

    HistoryWriter(CommandGateway commands, ShiftableClock time, DeadlineScanner deadlines, int threads) {
        this.commands = commands;
        this.time = time;
        this.deadlines = deadlines;
        this.threads = threads;
    }

    Written write(HistoryPlan plan, long expectedCommands) throws InterruptedException {
        long started = System.nanoTime();
        long lastReport = started;
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Instant lastScan = null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, "history-writer"));
        try {
            while (plan.hasNext()) {
                List<HistoryPlan.Step> window = take(plan, threads * 64);
                Instant opens = window.get(0).at();
                time.travelTo(opens);
                if (lastScan == null || Duration.between(lastScan, opens).compareTo(SCAN_EVERY) >= 0) {
                    deadlines.scan(opens);
                    lastScan = opens;
                }
                runSideBySide(pool, byGroup(window), done, refused);
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    double seconds = (lastReport - started) / 1e9;
                    log.info("history: {} of about {} commands ({} %), {} commands/s, history at {}", done.get(), expectedCommands,
                             Math.min(100, done.get() * 100 / Math.max(1, expectedCommands)), Math.round(done.get() / seconds),
                             opens);
                }
            }
        } finally {
            pool.shutdownNow();
            time.backToNow();
        }
        deadlines.scan(time.instant());
        return new Written(done.get(), refused.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The next steps; the network's own steps (partners, partnerships) are a window of their own, before any case. */
    private static List<HistoryPlan.Step> take(HistoryPlan plan, int size) {
        List<HistoryPlan.Step> window = new ArrayList<>(size);
        while (window.size() < size && plan.hasNext()
                && (window.isEmpty() || plan.peek().isNetwork() == window.get(0).isNetwork())) {
            window.add(plan.next());
        }
        return window;
    }

    private static Map<String, List<HistoryPlan.Step>> byGroup(List<HistoryPlan.Step> window) {
        Map<String, List<HistoryPlan.Step>> groups = new LinkedHashMap<>();
        for (HistoryPlan.Step step : window) {
            groups.computeIfAbsent(step.group(), group -> new ArrayList<>()).add(step);
        }
        return groups;
    }

    private void runSideBySide(ExecutorService pool, Map<String, List<HistoryPlan.Step>> groups, AtomicLong done,
                               AtomicLong refused) throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        for (List<HistoryPlan.Step> group : groups.values()) {
            running.add(pool.submit(() -> {
                for (HistoryPlan.Step step : group) {
                    send(step, refused);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("history step failed", e.getCause());
            }
        }
    }

    private void send(HistoryPlan.Step step, AtomicLong refused) {
        time.atOnThisThread(step.at());
        try {
            SystemCommands.send(commands, step.command(), step.actor());
        } catch (CommandRefusedException refusedByTheDomain) {
            refused.incrementAndGet(); // e.g. an answer planned after the deadline scan expired the referral
        } finally {
            time.releaseThisThread();
        }
    }
}
