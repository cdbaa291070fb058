package org.referrals.command.caseregistry.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.common.Actor;
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
 * Erases the personal data of cases closed longer ago than the retention period ({@code referrals.retention.period},
 * an ISO-8601 period such as {@code P5Y}, or a duration such as {@code PT10M}), through the same
 * {@link ErasePersonalData} command an administrator sends, as the system actor {@code retention}: the event
 * {@code CasePersonalDataErased} records it, and a log line names the case (its id only).
 */
@Component
public class RetentionSweeper implements DisposableBean {

    static final Actor ACTOR = Actor.system("retention");
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final CaseRetention retention;
    private final CommandGateway commands;
    private final String period;
    private final PeriodicTask task;

    public RetentionSweeper(CaseRetention retention, CommandGateway commands, Clock clock,
                            @Value("${referrals.retention.period:P5Y}") String period,
                            @Value("${referrals.retention.sweep-interval:PT1H}") Duration interval) {
        this.retention = retention;
        this.commands = commands;
        this.period = period;
        this.task = new PeriodicTask("retention-sweeper", interval, () -> sweep(clock.instant()));
        cutoff(clock.instant()); // a wrong period stops the start, not the first sweep
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        task.start();
    }

    /** Erases every case whose retention period has ended at {@code now}; answers how many. */
    public int sweep(Instant now) {
        Instant cutoff = cutoff(now);
        int erased = 0;
        List<String> due;
        while (!(due = retention.closedBefore(cutoff, BATCH)).isEmpty()) {
            for (String caseId : due) {
                String justification = "retention period of " + period + " after closure ended";
                SystemCommands.send(commands, new ErasePersonalData(caseId, justification), ACTOR);
                log.info("retention: personal data of case {} erased, closed before {}", caseId, cutoff);
                erased++;
            }
        }
        return erased;
    }

    Instant cutoff(Instant now) {
        try {
            return period.contains("T") ? now.minus(Duration.parse(period))
                    : now.atOffset(ZoneOffset.UTC).minus(Period.parse(period)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("referrals.retention.period must be ISO-8601 like P5Y or PT10M: " + period, e);
        }
    }

    @Override
    public void destroy() {
        task.close();
    }
}
