package org.referrals.command.household;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.common.Actor;
import org.referrals.api.household.AddHouseholdMember;
import org.referrals.api.household.FormHousehold;
import org.referrals.api.household.HouseholdFormed;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.household.RemoveHouseholdMember;
import org.referrals.command.caseregistry.Case;
import org.referrals.command.common.ResourceNotVisibleException;
import org.springframework.stereotype.Component;

/**
 * Links cases into households. Each change writes two events in one unit of work (so both or neither are stored):
 * the household's, and the member case's own, which keeps a case in one household at most.
 */
@Component
public class HouseholdCommandHandler {

    private final Repository<Household> households;
    private final Repository<Case> cases;
    private final Clock clock;

    public HouseholdCommandHandler(Repository<Household> householdRepository, Repository<Case> caseRepository, Clock clock) {
        this.households = householdRepository;
        this.cases = caseRepository;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(FormHousehold command, Actor actor) throws Exception {
        Aggregate<Case> head = loadCase(command.headCaseId());
        head.execute(found -> found.joinHousehold(command.householdId(), HouseholdRole.HEAD, actor));
        String owner = head.invoke(Case::owningPartnerId);
        households.newInstance(() -> new Household(new HouseholdFormed(command.householdId(), command.headCaseId(), owner,
                                                                       clock.instant())));
        return command.householdId();
    }

    @CommandHandler
    public String handle(AddHouseholdMember command, Actor actor) {
        Aggregate<Household> household = households.load(command.householdId());
        household.execute(found -> found.requireChangeableBy(actor));
        household.execute(found -> found.add(command.caseId(), command.role()));
        loadCase(command.caseId()).execute(found -> found.joinHousehold(command.householdId(), command.role(), actor));
        return command.householdId();
    }

    @CommandHandler
    public String handle(RemoveHouseholdMember command, Actor actor) {
        Aggregate<Household> household = households.load(command.householdId());
        household.execute(found -> found.requireChangeableBy(actor));
        household.execute(found -> found.remove(command.caseId()));
        loadCase(command.caseId()).execute(found -> found.leaveHousehold(command.householdId()));
        return command.householdId();
    }

    private Aggregate<Case> loadCase(String caseId) {
        try {
            return cases.load(caseId);
        } catch (AggregateNotFoundException unknown) {
            throw new ResourceNotVisibleException("case", caseId);
        }
    }
}
