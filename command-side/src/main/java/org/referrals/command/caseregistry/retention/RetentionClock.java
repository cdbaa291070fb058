package org.referrals.command.caseregistry.retention;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.referrals.api.caseregistry.CaseClosed;
import org.springframework.stereotype.Component;

/**
 * Starts a case's retention period when it closes. A subscribing processor (see application.yml): it runs in the
 * closing command's transaction, so the closure time is stored exactly when the event is.
 */
@Component
@ProcessingGroup(RetentionClock.GROUP)
public class RetentionClock {

    public static final String GROUP = "case-retention";

    private final CaseRetention retention;

    public RetentionClock(CaseRetention retention) {
        this.retention = retention;
    }

    @EventHandler
    void on(CaseClosed event) {
        retention.closed(event.caseId(), event.closedAt());
    }
}
