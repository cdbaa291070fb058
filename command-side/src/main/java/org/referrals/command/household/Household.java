package org.referrals.command.household;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.common.Actor;
import org.referrals.api.household.HouseholdFormed;
import org.referrals.api.household.HouseholdMemberAdded;
import org.referrals.api.household.HouseholdMemberRemoved;
import org.referrals.api.household.HouseholdRole;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;

/**
 * A family assisted together: its member cases and their roles, one head. Owned by the partner of the head's case;
 * its owner's agents and coordinators change it. Holds no personal data: each member's stays in its own case, under
 * its own key. Changed through {@link HouseholdCommandHandler}, which records the link on the member's case too.
 */
@Aggregate
public class Household {

    @AggregateIdentifier
    private String householdId;
    private String owningPartnerId;
    private final Map<String, HouseholdRole> members = new LinkedHashMap<>();

    protected Household() {
        // for Axon
    }

    Household(HouseholdFormed formed) {
        apply(formed);
    }

    /** Its members' case ids, the head first. */
    public java.util.List<String> memberIds() {
        return java.util.List.copyOf(members.keySet());
    }

    /** Its owner's agents and coordinators change it; anyone else is told it does not exist. */
    void requireChangeableBy(Actor actor) {
        if (!(actor.actsFor(owningPartnerId) || actor.isCoordinator())) {
            throw new ResourceNotVisibleException("household", householdId);
        }
    }

    void add(String caseId, HouseholdRole role) {
        if (role == HouseholdRole.HEAD) {
            throw new BusinessRuleViolationException(BusinessRule.HOUSEHOLD_HEAD_UNIQUE,
                                                     "the household has its head; add members as spouse, child or other relative");
        }
        apply(new HouseholdMemberAdded(householdId, caseId, role));
    }

    void remove(String caseId) {
        HouseholdRole role = members.get(caseId);
        if (role == null) {
            throw new BusinessRuleViolationException(BusinessRule.HOUSEHOLD_MEMBER_UNKNOWN,
                                                     "case %s is not a member of the household".formatted(caseId));
        }
        if (role == HouseholdRole.HEAD) {
            throw new BusinessRuleViolationException(BusinessRule.HOUSEHOLD_HEAD_STAYS, "the household's head cannot be removed");
        }
        apply(new HouseholdMemberRemoved(householdId, caseId));
    }

    @EventSourcingHandler
    void on(HouseholdFormed event) {
        householdId = event.householdId();
        owningPartnerId = event.owningPartnerId();
        members.put(event.headCaseId(), HouseholdRole.HEAD);
    }

    @EventSourcingHandler
    void on(HouseholdMemberAdded event) {
        members.put(event.caseId(), event.role());
    }

    @EventSourcingHandler
    void on(HouseholdMemberRemoved event) {
        members.remove(event.caseId());
    }
}
