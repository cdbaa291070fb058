package org.referrals.command.caseregistry;

import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.REFERRER;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.RECEIVER_AGENT;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.caseRegistered;
import static org.referrals.command.testing.TestData.consentForAnything;
import static org.referrals.command.testing.TestData.text;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CloseCase;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.plan.AchieveGoal;
import org.referrals.api.plan.AddGoal;
import org.referrals.api.plan.AgreePlan;
import org.referrals.api.plan.DropGoal;
import org.referrals.api.plan.GoalAchieved;
import org.referrals.api.plan.GoalAdded;
import org.referrals.api.plan.GoalDropped;
import org.referrals.api.plan.GoalRevised;
import org.referrals.api.plan.GoalTerms;
import org.referrals.api.plan.PlanAgreed;
import org.referrals.api.plan.PlannedGoal;
import org.referrals.api.plan.ReviseGoal;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.FakeSealer;

/** The reintegration plan on the case: agreeing it, its goals' changes, and their end with the case. */
class PlanTest {

    private static final LocalDate TODAY = NOW.atZone(ZoneOffset.UTC).toLocalDate();
    private static final String JOB = "11111111-2222-4333-8444-555555555501";
    private static final String COUNSELLING = "11111111-2222-4333-8444-555555555502";
    private static final GoalTerms JOB_TERMS = new GoalTerms(ReintegrationDimension.ECONOMIC, "a paid job in Rabat",
            TODAY.plusMonths(6), Set.of(ServiceCategory.EMPLOYMENT_JOB_PLACEMENT, ServiceCategory.VOCATIONAL_TRAINING));
    private static final GoalTerms COUNSELLING_TERMS = new GoalTerms(ReintegrationDimension.PSYCHOSOCIAL,
            "regular counselling", TODAY.plusMonths(3), Set.of(ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL));

    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new FakeSealer());
    }

    private static PlannedGoal planned(String goalId, GoalTerms terms) {
        return new PlannedGoal(goalId, terms.dimension(), text(terms.description()), terms.targetDate(), terms.serviceCategories());
    }

    private static PlanAgreed planAgreed() {
        return new PlanAgreed(CASE_ID, List.of(planned(JOB, JOB_TERMS), planned(COUNSELLING, COUNSELLING_TERMS)), NOW);
    }

    private static AgreePlan agreePlan(GoalTerms... terms) {
        String[] ids = {JOB, COUNSELLING};
        List<AgreePlan.NewGoal> goals = new java.util.ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            goals.add(new AgreePlan.NewGoal(ids[i], terms[i]));
        }
        return new AgreePlan(CASE_ID, goals);
    }

    private static org.axonframework.test.aggregate.ResultValidator<Case> refusedFor(
            org.axonframework.test.aggregate.ResultValidator<Case> result, BusinessRule rule) {
        return result.expectException(BusinessRuleViolationException.class)
                     .expectException(org.axonframework.test.matchers.Matchers.predicate(
                             (BusinessRuleViolationException e) -> e.rule() == rule))
                     .expectNoEvents();
    }

    @Test
    void theOwnerOrACoordinatorAgreesAPlanWithGoalsSealedUnderTheCasesKey() {
        for (var actor : List.of(REFERRER_AGENT, COORDINATOR)) {
            fixture.given(caseRegistered(REFERRER), consentForAnything())
                   .when(agreePlan(JOB_TERMS, COUNSELLING_TERMS), as(actor))
                   .expectEvents(planAgreed());
        }
    }

    @Test
    void noOtherPartnerChangesThePlan() {
        for (var actor : List.of(RECEIVER_AGENT, THIRD_AGENT)) {
            fixture.given(caseRegistered(REFERRER), consentForAnything())
                   .when(agreePlan(JOB_TERMS), as(actor))
                   .expectException(ResourceNotVisibleException.class)
                   .expectNoEvents();
        }
    }

    @Test
    void aPlanIsAgreedOnceAndGoalsAreAddedAfterwards() {
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed()).when(agreePlan(JOB_TERMS), as(REFERRER_AGENT)),
                   BusinessRule.PLAN_ALREADY_AGREED);
        String third = "11111111-2222-4333-8444-555555555503";
        GoalTerms housing = new GoalTerms(ReintegrationDimension.SOCIAL, "a room", TODAY.plusMonths(1), Set.of(ServiceCategory.SHELTER_HOUSING));
        fixture.given(caseRegistered(REFERRER), planAgreed())
               .when(new AddGoal(CASE_ID, third, housing), as(REFERRER_AGENT))
               .expectEvents(new GoalAdded(CASE_ID, planned(third, housing), NOW));
        refusedFor(fixture.given(caseRegistered(REFERRER)).when(new AddGoal(CASE_ID, third, housing), as(REFERRER_AGENT)),
                   BusinessRule.PLAN_NOT_AGREED);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed()).when(new AddGoal(CASE_ID, JOB, housing), as(REFERRER_AGENT)),
                   BusinessRule.GOAL_ALREADY_EXISTS);
    }

    @Test
    void goalIdsAreUniqueAndTargetDatesNotPast() {
        AgreePlan twice = new AgreePlan(CASE_ID, List.of(new AgreePlan.NewGoal(JOB, JOB_TERMS), new AgreePlan.NewGoal(JOB, COUNSELLING_TERMS)));
        refusedFor(fixture.given(caseRegistered(REFERRER)).when(twice, as(REFERRER_AGENT)), BusinessRule.GOAL_ALREADY_EXISTS);
        GoalTerms past = new GoalTerms(ReintegrationDimension.ECONOMIC, "x", TODAY.minusDays(5), Set.of(ServiceCategory.EMPLOYMENT_JOB_PLACEMENT));
        refusedFor(fixture.given(caseRegistered(REFERRER)).when(agreePlan(past), as(REFERRER_AGENT)), BusinessRule.GOAL_TARGET_IN_PAST);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed())
                          .when(new ReviseGoal(CASE_ID, JOB, past, "later"), as(REFERRER_AGENT)), BusinessRule.GOAL_TARGET_IN_PAST);
    }

    @Test
    void anOpenGoalIsRevisedAchievedOrDroppedEachAsAnEventWithItsReason() {
        GoalTerms revised = new GoalTerms(ReintegrationDimension.ECONOMIC, "own small business", TODAY.plusMonths(9),
                                          Set.of(ServiceCategory.BUSINESS_START_UP));
        fixture.given(caseRegistered(REFERRER), planAgreed())
               .when(new ReviseGoal(CASE_ID, JOB, revised, "prefers self-employment"), as(REFERRER_AGENT))
               .expectEvents(new GoalRevised(CASE_ID, planned(JOB, revised), text("prefers self-employment"), NOW));
        fixture.given(caseRegistered(REFERRER), planAgreed())
               .when(new AchieveGoal(CASE_ID, JOB, "hired"), as(COORDINATOR))
               .expectEvents(new GoalAchieved(CASE_ID, JOB, text("hired"), NOW));
        fixture.given(caseRegistered(REFERRER), planAgreed())
               .when(new DropGoal(CASE_ID, COUNSELLING, "no longer wanted"), as(REFERRER_AGENT))
               .expectEvents(new GoalDropped(CASE_ID, COUNSELLING, text("no longer wanted"), null, NOW));
    }

    @Test
    void anEndedOrUnknownGoalChangesNoMore() {
        var achieved = new GoalAchieved(CASE_ID, JOB, null, NOW);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed(), achieved)
                          .when(new DropGoal(CASE_ID, JOB, "x"), as(REFERRER_AGENT)), BusinessRule.GOAL_NOT_OPEN);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed(), achieved)
                          .when(new ReviseGoal(CASE_ID, JOB, JOB_TERMS, "x"), as(REFERRER_AGENT)), BusinessRule.GOAL_NOT_OPEN);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed())
                          .when(new AchieveGoal(CASE_ID, "11111111-2222-4333-8444-555555555599", null), as(REFERRER_AGENT)),
                   BusinessRule.GOAL_UNKNOWN);
    }

    @Test
    void aRevisedGoalIsServedByItsNewCategories() {
        GoalTerms revised = new GoalTerms(ReintegrationDimension.ECONOMIC, "business", TODAY.plusMonths(9), Set.of(ServiceCategory.BUSINESS_START_UP));
        fixture.given(caseRegistered(REFERRER), planAgreed(), new GoalRevised(CASE_ID, planned(JOB, revised), null, NOW))
               .when(new AchieveGoal(CASE_ID, JOB, null), as(REFERRER_AGENT))
               .expectState(found -> {
                   org.assertj.core.api.Assertions.assertThatThrownBy(() -> found.requireGoalServedBy(COUNSELLING, ServiceCategory.EMPLOYMENT_JOB_PLACEMENT))
                           .hasMessageContaining("MENTAL_HEALTH_PSYCHOSOCIAL");
                   org.assertj.core.api.Assertions.assertThatThrownBy(() -> found.requireGoalServedBy(JOB, ServiceCategory.BUSINESS_START_UP))
                           .hasMessageContaining("ACHIEVED");
                   found.requireGoalServedBy(COUNSELLING, ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL);
               });
    }

    @Test
    void closingTheCaseDropsItsOpenGoalsWithTheClosureReason() {
        fixture.given(caseRegistered(REFERRER), planAgreed(), new GoalAchieved(CASE_ID, JOB, null, NOW))
               .when(new CloseCase(CASE_ID, CaseClosureReason.RE_MIGRATED, null), as(REFERRER_AGENT))
               .expectEvents(new GoalDropped(CASE_ID, COUNSELLING, null, CaseClosureReason.RE_MIGRATED, NOW),
                             new CaseClosed(CASE_ID, CaseClosureReason.RE_MIGRATED, null, NOW));
    }

    @Test
    void noPlanChangeOnAClosedOrErasedCase() {
        refusedFor(fixture.given(caseRegistered(REFERRER), new CaseClosed(CASE_ID, CaseClosureReason.FUNDING_ENDED, null, NOW))
                          .when(agreePlan(JOB_TERMS), as(REFERRER_AGENT)), BusinessRule.CASE_CLOSED);
        refusedFor(fixture.given(caseRegistered(REFERRER), planAgreed(), new CasePersonalDataErased(CASE_ID, text("x"), NOW))
                          .when(new AchieveGoal(CASE_ID, JOB, null), as(REFERRER_AGENT)), BusinessRule.CASE_ERASED);
    }
}
