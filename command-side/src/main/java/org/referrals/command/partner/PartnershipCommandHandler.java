package org.referrals.command.partner;

import static org.referrals.command.common.Permissions.requireRole;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Records a partnership on the aggregate of the partner whose id sorts first, after checking that both
 * partners exist: one aggregate then sees every agreement of a pair and can refuse a second one.
 */
@Component
public class PartnershipCommandHandler {

    private final Repository<Partner> partners;

    public PartnershipCommandHandler(Repository<Partner> partnerRepository) {
        this.partners = partnerRepository;
    }

    @CommandHandler
    public void handle(AgreePartnership command, Actor actor) {
        requireRole(actor, "AgreePartnership", Role.ADMIN, Role.COORDINATOR);
        if (command.partnerA().equals(command.partnerB())) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNERSHIP_WITH_ITSELF,
                                                     "a partner cannot agree a partnership with itself");
        }
        boolean aFirst = command.partnerA().compareTo(command.partnerB()) < 0;
        String first = aFirst ? command.partnerA() : command.partnerB();
        String second = aFirst ? command.partnerB() : command.partnerA();
        load(second);
        load(first).execute(partner -> partner.agreePartnership(second, command.description()));
    }

    private Aggregate<Partner> load(String partnerId) {
        try {
            return partners.load(partnerId);
        } catch (AggregateNotFoundException unknown) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNER_UNKNOWN, "partner %s is not registered".formatted(partnerId));
        }
    }
}
