package org.referrals.command.referral.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.ExpireReferral;
import org.referrals.api.referral.RecordResponseOverdue;
import org.referrals.command.common.CommandRefusedException;
import org.referrals.command.common.PeriodicTask;
import org.referrals.command.common.SystemCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fires the response deadlines: every {@code referrals.deadlines.scan-interval} it reads the due ones from
 * {@link ResponseDeadlines} (durable, so a deadline that fell due while the process was down fires at the next
 * scan) and sends, as the system actor {@code deadline-scan}, {@link RecordResponseOverdue} once {@code respondBy}
 * has passed and {@link ExpireReferral} once the grace period has too. The referral decides: it records overdue
 * once only, refuses both after an answer, and two nodes sending the same command produce one event (the loser
 * gets a refusal or a concurrency conflict, and the deadline is gone by its next scan).
 */
@Component
public class DeadlineScanner implements DisposableBean {

    static final Actor ACTOR = Actor.system("deadline-scan");
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    private final ResponseDeadlines deadlines;
    private final CommandGateway commands;
    private final PeriodicTask task;

    public DeadlineScanner(ResponseDeadlines deadlines, CommandGateway commands, Clock clock,
                           @Value("${referrals.deadlines.scan-interval:PT30S}") Duration interval) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.task = new PeriodicTask("deadline-scan", interval, () -> scan(clock.instant()));
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        task.start();
    }

    /** Sends what is due at {@code now}; answers how many commands took effect. */
    public int scan(Instant now) {
        int fired = 0;
        for (ResponseDeadlines.Waiting waiting : deadlines.dueAt(now, BATCH)) {
            if (!waiting.overdueRecorded() && fire(new RecordResponseOverdue(waiting.referralId(), now))) {
                fired++;
            }
            if (!now.isBefore(waiting.expiresAt()) && fire(new ExpireReferral(waiting.referralId(), now))) {
                fired++;
            }
        }
        if (fired > 0) {
            log.info("deadline scan: {} overdue or expiry events recorded", fired);
        }
        return fired;
    }

    private boolean fire(Object command) {
        try {
            SystemCommands.send(commands, command, ACTOR);
            return true;
        } catch (CommandRefusedException | ConcurrencyException refused) {
            // answered meanwhile, or another node was first: the referral knows best
            log.debug("deadline scan: {} refused: {}", command.getClass().getSimpleName(), refused.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() {
        task.close();
    }
}
