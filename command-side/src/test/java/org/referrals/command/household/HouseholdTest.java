package org.referrals.command.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.REFERRER;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.THIRD;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.caseRegistered;
import static org.referrals.command.testing.TestData.sealed;
import static org.referrals.command.testing.TestData.text;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.household.AddHouseholdMember;
import org.referrals.api.household.CaseJoinedHousehold;
import org.referrals.api.household.CaseLeftHousehold;
import org.referrals.api.household.FormHousehold;
import org.referrals.api.household.HouseholdFormed;
import org.referrals.api.household.HouseholdMemberAdded;
import org.referrals.api.household.HouseholdMemberRemoved;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.household.RemoveHouseholdMember;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.InMemoryAggregates;

/** Households: formed around a head, members added and removed, each link recorded on the member's case too. */
class HouseholdTest {

    private static final String HOUSEHOLD = "22222222-3333-4444-8555-666666666601";
    private static final String CHILD = "22222222-3333-4444-8555-666666666602";
    private static final String OTHER = "22222222-3333-4444-8555-666666666603";

    private FixtureConfiguration<Household> fixture;
    private InMemoryAggregates others;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
        others = new InMemoryAggregates(CLOCK);
        fixture.registerAnnotatedCommandHandler(new HouseholdCommandHandler(fixture.getRepository(), others.cases, CLOCK));
    }

    private static CaseRegistered registered(String caseId, String owner) {
        CaseRegistered head = caseRegistered(owner);
        return new CaseRegistered(caseId, owner, sealed(caseId), head.vulnerabilities(), head.countryOfReturn(), head.registeredAt());
    }

    private static HouseholdFormed formed() {
        return new HouseholdFormed(HOUSEHOLD, CASE_ID, REFERRER, NOW);
    }

    private static org.hamcrest.Matcher<BusinessRuleViolationException> rule(BusinessRule rule) {
        return predicate((BusinessRuleViolationException e) -> e.rule() == rule);
    }

    @Test
    void theOwnerFormsAHouseholdAroundTheHeadsCaseWhichRecordsItsLink() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER));
        fixture.givenNoPriorActivity()
               .when(new FormHousehold(HOUSEHOLD, CASE_ID), as(REFERRER_AGENT))
               .expectEvents(formed());
        assertThat(others.eventsOf(CASE_ID)).contains(new CaseJoinedHousehold(CASE_ID, HOUSEHOLD, HouseholdRole.HEAD));
    }

    @Test
    void aMemberIsAddedAsSpouseChildOrRelativeNeverASecondHead() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), new CaseJoinedHousehold(CASE_ID, HOUSEHOLD, HouseholdRole.HEAD));
        others.caseOf(CHILD, registered(CHILD, REFERRER));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, CHILD, HouseholdRole.CHILD), as(COORDINATOR))
               .expectEvents(new HouseholdMemberAdded(HOUSEHOLD, CHILD, HouseholdRole.CHILD));
        assertThat(others.eventsOf(CHILD)).contains(new CaseJoinedHousehold(CHILD, HOUSEHOLD, HouseholdRole.CHILD));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, OTHER, HouseholdRole.HEAD), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.HOUSEHOLD_HEAD_UNIQUE)).expectNoEvents();
    }

    @Test
    void aCaseBelongsToOneHouseholdAtMost() {
        others.caseOf(CHILD, registered(CHILD, REFERRER),
                      new CaseJoinedHousehold(CHILD, "22222222-3333-4444-8555-666666666699", HouseholdRole.CHILD));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, CHILD, HouseholdRole.CHILD), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.HOUSEHOLD_ALREADY_JOINED)).expectNoEvents();
    }

    @Test
    void anotherPartnersCaseOrHouseholdIsNotVisible() {
        others.caseOf(OTHER, registered(OTHER, THIRD));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, OTHER, HouseholdRole.SPOUSE), as(REFERRER_AGENT))
               .expectException(ResourceNotVisibleException.class).expectNoEvents();
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, OTHER, HouseholdRole.SPOUSE), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class).expectNoEvents();
    }

    @Test
    void aClosedOrErasedCaseJoinsNoHousehold() {
        others.caseOf(CHILD, registered(CHILD, REFERRER), new CaseClosed(CHILD, CaseClosureReason.MOVED_AWAY, null, NOW));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, CHILD, HouseholdRole.CHILD), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.CASE_CLOSED)).expectNoEvents();
        others.caseOf(OTHER, registered(OTHER, REFERRER), new CasePersonalDataErased(OTHER, text("request"), NOW));
        fixture.given(formed())
               .when(new AddHouseholdMember(HOUSEHOLD, OTHER, HouseholdRole.CHILD), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.CASE_ERASED)).expectNoEvents();
    }

    @Test
    void aMemberButNotTheHeadIsRemovedAndItsCaseLeaves() {
        others.caseOf(CHILD, registered(CHILD, REFERRER), new CaseJoinedHousehold(CHILD, HOUSEHOLD, HouseholdRole.CHILD));
        fixture.given(formed(), new HouseholdMemberAdded(HOUSEHOLD, CHILD, HouseholdRole.CHILD))
               .when(new RemoveHouseholdMember(HOUSEHOLD, CHILD), as(REFERRER_AGENT))
               .expectEvents(new HouseholdMemberRemoved(HOUSEHOLD, CHILD));
        assertThat(others.eventsOf(CHILD)).contains(new CaseLeftHousehold(CHILD, HOUSEHOLD));
        fixture.given(formed())
               .when(new RemoveHouseholdMember(HOUSEHOLD, CASE_ID), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.HOUSEHOLD_HEAD_STAYS)).expectNoEvents();
        fixture.given(formed())
               .when(new RemoveHouseholdMember(HOUSEHOLD, OTHER), as(REFERRER_AGENT))
               .expectException(rule(BusinessRule.HOUSEHOLD_MEMBER_UNKNOWN)).expectNoEvents();
    }
}
