package org.referrals.infra.demo;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.command.common.CommandRefusedException;
import org.referrals.command.common.SystemCommands;
import org.referrals.command.referral.deadline.DeadlineScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link HistoryPlan}'s commands through the command bus, as the API would, one after the other, the clock
 * moved to each step's moment first (commands may be handled on another thread than the sender's, so the moment is
 * the shared clock's). Every 6 hours of history the deadline scan runs, so unanswered referrals turn overdue and
 * expire. Logs its progress every 10 seconds.
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

    HistoryWriter(CommandGateway commands, ShiftableClock time, DeadlineScanner deadlines) {
        this.commands = commands;
        this.time = time;
        this.deadlines = deadlines;
    }

    Written write(HistoryPlan plan, long expectedCommands) {
        long started = System.nanoTime();
        long lastReport = started;
        long done = 0;
        long refused = 0;
        Instant lastScan = null;
        try {
            while (plan.hasNext()) {
                HistoryPlan.Step step = plan.next();
                time.travelTo(step.at());
                if (lastScan == null || Duration.between(lastScan, step.at()).compareTo(SCAN_EVERY) >= 0) {
                    deadlines.scan(step.at());
                    lastScan = step.at();
                }
                try {
                    SystemCommands.send(commands, step.command(), step.actor());
                } catch (CommandRefusedException refusedByTheDomain) {
                    refused++; // e.g. an answer planned after the deadline scan expired the referral
                }
                done++;
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    double seconds = (lastReport - started) / 1e9;
                    log.info("history: {} of about {} commands ({} %), {} commands/s, history at {}", done, expectedCommands,
                             Math.min(100, done * 100 / Math.max(1, expectedCommands)), Math.round(done / seconds), step.at());
                }
            }
        } finally {
            time.backToNow();
        }
        deadlines.scan(time.instant());
        return new Written(done, refused, Duration.ofNanos(System.nanoTime() - started));
    }
}
