package org.referrals.command.referral.caseclosure;

import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.EndReferralWithCase;
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
 * Ends the referrals of closed cases: every {@code referrals.cases.closure-scan-interval} it reads them from
 * {@link OpenReferrals} (durable, so a closure during a crash is finished at the next start) and sends
 * {@link EndReferralWithCase} as the system actor {@code case-closure}. The referral decides what ending means in its
 * state; one already ended answers without an event, and is then struck off here.
 */
@Component
public class ReferralsOfClosedCases implements DisposableBean {

    static final Actor ACTOR = Actor.system("case-closure");
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ReferralsOfClosedCases.class);

    private final OpenReferrals openReferrals;
    private final CommandGateway commands;
    private final PeriodicTask task;

    public ReferralsOfClosedCases(OpenReferrals openReferrals, CommandGateway commands,
                                  @Value("${referrals.cases.closure-scan-interval:PT5S}") Duration interval) {
        this.openReferrals = openReferrals;
        this.commands = commands;
        this.task = new PeriodicTask("case-closure", interval, this::scan);
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        task.start();
    }

    /** Ends what is due; answers how many referrals were handled. */
    public int scan() {
        int ended = 0;
        for (OpenReferrals.ToEnd referral : openReferrals.ofClosedCases(BATCH)) {
            try {
                SystemCommands.send(commands, new EndReferralWithCase(referral.referralId(), referral.reason()), ACTOR);
                openReferrals.ended(referral.referralId()); // its event did so already, unless it had ended before
                ended++;
            } catch (ConcurrencyException busy) {
                log.debug("case closure: referral {} changed meanwhile; next scan", referral.referralId());
            } catch (CommandRefusedException refused) {
                log.warn("case closure: ending referral {} was refused: {}", referral.referralId(), refused.getMessage());
                openReferrals.ended(referral.referralId());
            }
        }
        if (ended > 0) {
            log.info("case closure: {} referrals of closed cases ended", ended);
        }
        return ended;
    }

    @Override
    public void destroy() {
        task.close();
    }
}
