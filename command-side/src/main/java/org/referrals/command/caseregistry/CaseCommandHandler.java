package org.referrals.command.caseregistry;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.caseregistry.CaseRegistrationResult;
import org.referrals.api.caseregistry.CorrectCaseDetails;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.common.SealedText;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.Permissions;
import org.referrals.command.partner.Partner;
import org.springframework.stereotype.Component;

/**
 * Handles the commands that carry personal data in clear: seals it first, so that the {@link Case} aggregate,
 * and therefore the event store, only ever sees ciphertext.
 */
@Component
public class CaseCommandHandler {

    private final Repository<Case> cases;
    private final Repository<Partner> partners;
    private final PersonalDataSealer sealer;
    private final Clock clock;

    public CaseCommandHandler(Repository<Case> caseRepository, Repository<Partner> partnerRepository,
                              PersonalDataSealer sealer, Clock clock) {
        this.cases = caseRepository;
        this.partners = partnerRepository;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Answers the case id and the ids of the registering partner's own earlier cases that may be the same person
     * (see the blind index). Matches among other partners' cases are not answered: they would tell anyone who types
     * a name that this person is registered elsewhere. Coordinators see every match on the case (its view).
     */
    @CommandHandler
    public CaseRegistrationResult handle(RegisterCase command, Actor actor) throws Exception {
        Permissions.requireRole(actor, "RegisterCase", Role.PARTNER_AGENT);
        requirePartnerRegistered(actor.partnerId());
        var sealed = sealer.seal(command.caseId(), command.person());
        var ownDuplicates = sealer.indexForDuplicates(command.caseId(), command.person()).stream()
                                  .filter(earlier -> ownedBy(earlier, actor.partnerId())).toList();
        cases.newInstance(() -> new Case(command.caseId(), actor.partnerId(), sealed, command.vulnerabilities(),
                                         command.countryOfReturn(), command.consentId(), command.consent(),
                                         clock.instant()));
        return new CaseRegistrationResult(command.caseId(), ownDuplicates);
    }

    private boolean ownedBy(String caseId, String partnerId) {
        try {
            return partnerId.equals(cases.load(caseId).invoke(Case::owningPartnerId));
        } catch (AggregateNotFoundException gone) {
            return false;
        }
    }

    @CommandHandler
    public void handle(CorrectCaseDetails command, Actor actor) {
        var aggregate = cases.load(command.caseId());
        aggregate.execute(found -> found.requireCorrectableBy(actor)); // before sealing: no key for an erased case
        var sealed = sealer.seal(command.caseId(), command.person());
        sealer.indexForDuplicates(command.caseId(), command.person());
        aggregate.execute(found -> found.correctDetails(sealed, command.vulnerabilities(), command.countryOfReturn(), actor));
    }

    /**
     * Records the erasure, then destroys the key in the same transaction: both happen, or neither. The justification
     * is sealed with the key it destroys (it may name the person): the event keeps who erased and when.
     */
    @CommandHandler
    public void handle(ErasePersonalData command, Actor actor) {
        SealedText justification = sealer.sealText(command.caseId(), command.justification()); // no side effect
        cases.load(command.caseId()).execute(found -> found.erase(justification, actor, clock.instant()));
        sealer.destroyKey(command.caseId());
    }

    private void requirePartnerRegistered(String partnerId) {
        if (partnerId == null) {
            throw new ActionNotAllowedException("a partner agent must be bound to a partner");
        }
        try {
            partners.load(partnerId);
        } catch (AggregateNotFoundException unknown) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNER_UNKNOWN,
                                                     "partner %s is not registered".formatted(partnerId));
        }
    }
}
