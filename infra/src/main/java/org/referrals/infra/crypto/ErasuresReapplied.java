package org.referrals.infra.crypto;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.common.Actor;
import org.referrals.command.common.SystemCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, every case of the {@link ErasureLedger} whose key is still in the store is erased again: a data
 * directory restored from a backup taken before an erasure does not bring the person back. It goes through the same
 * command as any erasure, so the case's history records it ({@code CasePersonalDataErased} by the system actor
 * {@code erasure-ledger}).
 */
@Component
@Profile("!query") // erasures are commands: where the command side runs
public class ErasuresReapplied {

    static final Actor ACTOR = Actor.system("erasure-ledger");
    private static final Logger log = LoggerFactory.getLogger(ErasuresReapplied.class);

    private final ErasureLedger ledger;
    private final CaseKeyStore store;
    private final CommandGateway commands;

    public ErasuresReapplied(ErasureLedger ledger, CaseKeyStore store, CommandGateway commands) {
        this.ledger = ledger;
        this.store = store;
        this.commands = commands;
    }

    @EventListener(ContextRefreshedEvent.class)
    void reapply() {
        for (String caseId : ledger.caseIds()) {
            if (store.find(caseId).isPresent()) {
                SystemCommands.send(commands, new ErasePersonalData(caseId,
                        "erased before, applied again: this data directory was restored from an earlier backup"), ACTOR);
                log.info("erasure of case {} applied again (it is in the erasure ledger, its key was in the store)", caseId);
            }
        }
    }
}
