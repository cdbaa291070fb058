package org.referrals.command.referral;

import static org.referrals.command.testing.TestData.text;
import static org.referrals.command.testing.TestData.ANALYST;
import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.CONSENT_ID;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.NEW_REFERRAL_ID;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.RECEIVER;
import static org.referrals.command.testing.TestData.RECEIVER_AGENT;
import static org.referrals.command.testing.TestData.REFERRAL_ID;
import static org.referrals.command.testing.TestData.REFERRER;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.THIRD;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.caseRegistered;
import static org.referrals.command.testing.TestData.consent;
import static org.referrals.command.testing.TestData.consentForAnything;
import static org.referrals.command.testing.TestData.partnerRegistered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ConsentOverride;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.RedirectReferral;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.FakeSealer;
import org.referrals.command.testing.InMemoryAggregates;
import org.referrals.command.testing.RoutingRepository;

/** New and redirected referrals: the rules that read the receiving partner and the case. */
class ReferralCommandHandlerTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    private FixtureConfiguration<Referral> fixture;
    private InMemoryAggregates others;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new FakeSealer()); // seals notes as TestData.text
        others = new InMemoryAggregates(CLOCK);
        others.partner(REFERRER, partnerRegistered(REFERRER, ServiceCategory.LEGAL_AID));
        others.partner(RECEIVER, partnerRegistered(RECEIVER, CARE, ServiceCategory.COUNSELLING));
        others.partner(THIRD, partnerRegistered(THIRD, CARE));
        fixture.registerAnnotatedCommandHandler(
                new ReferralCommandHandler(fixture.getRepository(), others.partners, others.cases, others.households, CLOCK,
                                           new FakeSealer()));
    }

    private static MakeReferral referral(Urgency urgency, ConsentOverride override) {
        return new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, CARE, urgency, "needs a check-up", override);
    }

    private static ReferralRequested requested(Urgency urgency, ReferralLegalBasis basis) {
        return new ReferralRequested(REFERRAL_ID, CASE_ID, REFERRER, RECEIVER, CARE, urgency, text("needs a check-up"), NOW,
                                     NOW.plus(urgency.responseTime()), null, basis);
    }

    private static ReferralLegalBasis theConsent() {
        return ReferralLegalBasis.consent(CONSENT_ID, LegalBasis.CONSENT);
    }

    @ParameterizedTest
    @EnumSource(Urgency.class)
    void theCaseOwnerRefersAndTheAnswerIsDueWithinTheUrgencysResponseTime(Urgency urgency) {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.givenNoPriorActivity()
               .when(referral(urgency, null), as(REFERRER_AGENT))
               .expectEvents(requested(urgency, theConsent()))
               .expectResultMessagePayload(new ReferralResult(REFERRAL_ID, ReferralStatus.REQUESTED, 0));
    }

    @Test
    void aConsentScopedToTheCategoryAndPartnerCoversTheReferral() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(CARE), List.of(RECEIVER), NOW.plusSeconds(60)));
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.ROUTINE, null), as(REFERRER_AGENT))
               .expectEvents(requested(Urgency.ROUTINE, theConsent()));
    }

    @Test
    void aSuspendedPartnerReceivesNoReferral() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        others.partner(RECEIVER, new PartnerSuspended(RECEIVER, "audit"));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.PARTNER_SUSPENDED);
    }

    @Test
    void aPartnerReceivesReferralsOnlyForCategoriesItOffers() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        var shelter = new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, ServiceCategory.SHELTER_HOUSING, Urgency.ROUTINE, "bed", null);
        expectRefusal(shelter, BusinessRule.CATEGORY_NOT_OFFERED);
    }

    @Test
    void anUnknownPartnerReceivesNothing() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        var nowhere = new MakeReferral(REFERRAL_ID, CASE_ID, "nobody-here", CARE, Urgency.ROUTINE, "x", null);
        expectRefusal(nowhere, BusinessRule.PARTNER_UNKNOWN);
    }

    @Test
    void aConsentForAnotherCategoryDoesNotCover() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.OUTSIDE_CONSENT_SCOPE);
    }

    @Test
    void aConsentForAnotherPartnerDoesNotCover() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(), List.of(THIRD), null));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.OUTSIDE_CONSENT_SCOPE);
    }

    @Test
    void anExpiredConsentDoesNotCover() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(), List.of(), NOW));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.CONSENT_EXPIRED);
    }

    @Test
    void aWithdrawnConsentDoesNotCover() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), new ConsentWithdrawn(CASE_ID, CONSENT_ID, null, NOW));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.CONSENT_WITHDRAWN);
    }

    @Test
    void aCoordinatorOverridesWithAJustificationWhichIsRecorded() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        var justification = "child at risk, guardian unreachable";
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.EMERGENCY, new ConsentOverride(justification)), as(COORDINATOR))
               .expectEvents(requested(Urgency.EMERGENCY, ReferralLegalBasis.override(text(justification))));
    }

    @Test
    void aPartnerAgentCannotOverrideConsent() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        expectRefusal(referral(Urgency.EMERGENCY, new ConsentOverride("urgent")), BusinessRule.CONSENT_OVERRIDE_NOT_ALLOWED);
    }

    @Test
    void anOverrideNeedsAWrittenJustification() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER));
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.EMERGENCY, new ConsentOverride("  ")), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void aClosedCaseIsNotReferred() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(),
                      new CaseClosed(CASE_ID, CaseClosureReason.MOVED_AWAY, null, NOW));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.CASE_CLOSED);
    }

    @Test
    void anErasedCaseIsNotReferred() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), new CasePersonalDataErased(CASE_ID, text("x"), NOW));
        expectRefusal(referral(Urgency.ROUTINE, null), BusinessRule.CASE_ERASED);
    }

    @Test
    void anotherPartnersCaseIsNotFound() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.ROUTINE, null), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void anUnknownCaseIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.ROUTINE, null), as(REFERRER_AGENT))
               .expectException(ResourceNotVisibleException.class);
    }

    @Test
    void analystsDoNotRefer() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.givenNoPriorActivity()
               .when(referral(Urgency.ROUTINE, null), as(ANALYST))
               .expectException(ActionNotAllowedException.class);
    }

    // --- goals of the case's plan

    private static final String GOAL = "11111111-2222-4333-8444-555555555501";

    private static org.referrals.api.plan.PlanAgreed planWithAHealthGoal() {
        return new org.referrals.api.plan.PlanAgreed(CASE_ID, List.of(new org.referrals.api.plan.PlannedGoal(GOAL,
                org.referrals.api.partner.ReintegrationDimension.PSYCHOSOCIAL, text("in good health"),
                java.time.LocalDate.of(2026, 9, 1), java.util.Set.of(CARE))), NOW);
    }

    private static MakeReferral forGoal(ServiceCategory category) {
        return new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, category, Urgency.ROUTINE, "needs a check-up", null, GOAL, null);
    }

    @Test
    void aReferralServesAnOpenGoalOfThePlanWhoseCategoriesIncludeIts() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), planWithAHealthGoal());
        var expected = requested(Urgency.ROUTINE, theConsent());
        fixture.givenNoPriorActivity()
               .when(forGoal(CARE), as(REFERRER_AGENT))
               .expectEvents(new ReferralRequested(expected.referralId(), expected.caseId(), expected.fromPartnerId(),
                       expected.toPartnerId(), expected.serviceCategory(), expected.urgency(), expected.reason(),
                       expected.requestedAt(), expected.respondBy(), null, expected.legalBasis(), GOAL, null));
    }

    @Test
    void aGoalOfOtherCategoriesOrEndedOrUnknownIsRefused() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), planWithAHealthGoal());
        fixture.givenNoPriorActivity()
               .when(forGoal(ServiceCategory.COUNSELLING), as(REFERRER_AGENT))
               .expectException(ruleIs(BusinessRule.GOAL_CATEGORY_MISMATCH)).expectNoEvents();
        setUp(); // a fresh store for the next case history
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), planWithAHealthGoal(),
                      new org.referrals.api.plan.GoalAchieved(CASE_ID, GOAL, null, NOW));
        fixture.givenNoPriorActivity()
               .when(forGoal(CARE), as(REFERRER_AGENT))
               .expectException(ruleIs(BusinessRule.GOAL_NOT_OPEN)).expectNoEvents();
        setUp();
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.givenNoPriorActivity()
               .when(forGoal(CARE), as(REFERRER_AGENT))
               .expectException(ruleIs(BusinessRule.GOAL_UNKNOWN)).expectNoEvents();
    }

    @Test
    void aRedirectedReferralServesTheSameGoal() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), planWithAHealthGoal());
        var original = ReferralHistory.REQUESTED;
        List<Object> history = new java.util.ArrayList<>(ReferralHistory.reaching(ReferralStatus.DECLINED));
        history.set(0, new ReferralRequested(original.referralId(), original.caseId(), original.fromPartnerId(),
                original.toPartnerId(), original.serviceCategory(), original.urgency(), original.reason(),
                original.requestedAt(), original.respondBy(), null, original.legalBasis(), GOAL, null));
        redirectingFromTheFixture();
        fixture.given(history).when(redirectTo(THIRD), as(REFERRER_AGENT)).expectSuccessfulHandlerExecution();
        assertThat(((ReferralRequested) others.eventsOf(NEW_REFERRAL_ID).get(0)).goalId()).isEqualTo(GOAL);
    }

    @Test
    void aReferralForTheHouseholdCarriesItAndNeedsOne() {
        String household = "22222222-3333-4444-8555-666666666601";
        var forHousehold = new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, CARE, Urgency.ROUTINE, "needs a check-up", null, null, true);
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.givenNoPriorActivity()
               .when(forHousehold, as(REFERRER_AGENT))
               .expectException(ruleIs(BusinessRule.HOUSEHOLD_NONE)).expectNoEvents();
        setUp();
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(),
                      new org.referrals.api.household.CaseJoinedHousehold(CASE_ID, household, org.referrals.api.household.HouseholdRole.HEAD));
        others.household(household, new org.referrals.api.household.HouseholdFormed(household, CASE_ID, REFERRER, NOW));
        var expected = requested(Urgency.ROUTINE, theConsent());
        fixture.givenNoPriorActivity()
               .when(forHousehold, as(REFERRER_AGENT))
               .expectEvents(new ReferralRequested(expected.referralId(), expected.caseId(), expected.fromPartnerId(),
                       expected.toPartnerId(), expected.serviceCategory(), expected.urgency(), expected.reason(),
                       expected.requestedAt(), expected.respondBy(), null, expected.legalBasis(), null, household));
    }

    @Test
    void aReferralForTheHouseholdNeedsEveryOtherMembersConsentToCoverItUnlessACoordinatorOverrides() {
        String household = "22222222-3333-4444-8555-666666666601";
        String child = "22222222-3333-4444-8555-666666666602";
        var joined = new org.referrals.api.household.CaseJoinedHousehold(CASE_ID, household, org.referrals.api.household.HouseholdRole.HEAD);
        var childRegistered = new org.referrals.api.caseregistry.CaseRegistered(child, REFERRER, org.referrals.command.testing.TestData.sealed(child),
                java.util.Set.of(), "MA", NOW);
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything(), joined);
        others.caseOf(child, childRegistered, // the child's consent covers legal aid only
                      new org.referrals.api.caseregistry.ConsentRecorded(child, CONSENT_ID, LegalBasis.CONSENT,
                              List.of(ServiceCategory.LEGAL_AID), List.of(), NOW, null));
        others.household(household, new org.referrals.api.household.HouseholdFormed(household, CASE_ID, REFERRER, NOW),
                         new org.referrals.api.household.HouseholdMemberAdded(household, child, org.referrals.api.household.HouseholdRole.CHILD));
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, CARE, Urgency.ROUTINE, "shelter", null, null, true), as(REFERRER_AGENT))
               .expectException(ruleIs(BusinessRule.OUTSIDE_CONSENT_SCOPE))
               .expectExceptionMessage(Matchers.containsString("household member " + child))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new MakeReferral(REFERRAL_ID, CASE_ID, RECEIVER, CARE, Urgency.ROUTINE, "shelter",
                                      new ConsentOverride("family at risk tonight"), null, true), as(COORDINATOR))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(org.axonframework.test.matchers.Matchers.predicate(
                               (ReferralRequested e) -> e.legalBasis().isOverride() && household.equals(e.householdId()))),
                       org.axonframework.test.matchers.Matchers.andNoMore())); // the override, recorded as the basis
    }

    // --- redirect

    /** The fixture follows the original referral; the new one is created among the others. */
    private void redirectingFromTheFixture() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new FakeSealer()); // seals notes as TestData.text
        var referrals = new RoutingRepository<>(fixture.getRepository(), REFERRAL_ID, others.referrals).creatingInOthers();
        fixture.registerAnnotatedCommandHandler(new ReferralCommandHandler(referrals, others.partners, others.cases, others.households, CLOCK, new FakeSealer()));
    }

    private static RedirectReferral redirectTo(String partnerId) {
        return new RedirectReferral(REFERRAL_ID, null, NEW_REFERRAL_ID, partnerId, "try Tanger", null);
    }

    @Test
    void aDeclinedReferralIsRedirectedToANewLinkedReferral() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        var original = ReferralHistory.REQUESTED;
        redirectingFromTheFixture();
        fixture.given(ReferralHistory.reaching(ReferralStatus.DECLINED))
               .when(redirectTo(THIRD), as(REFERRER_AGENT))
               .expectEvents(new ReferralRedirected(REFERRAL_ID, NEW_REFERRAL_ID, THIRD, text("try Tanger")))
               .expectResultMessagePayload(new ReferralResult(NEW_REFERRAL_ID, ReferralStatus.REQUESTED, 0));
        assertThat(others.eventsOf(NEW_REFERRAL_ID)).containsExactly(
                new ReferralRequested(NEW_REFERRAL_ID, CASE_ID, REFERRER, THIRD, CARE, original.urgency(),
                                      original.reason(), NOW, NOW.plus(original.urgency().responseTime()),
                                      REFERRAL_ID, theConsent()));
    }

    @Test
    void anExpiredReferralIsRedirectedByACoordinator() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        redirectingFromTheFixture();
        fixture.given(ReferralHistory.reaching(ReferralStatus.EXPIRED))
               .when(redirectTo(THIRD), as(COORDINATOR))
               .expectEvents(new ReferralRedirected(REFERRAL_ID, NEW_REFERRAL_ID, THIRD, text("try Tanger")));
        assertThat(others.eventsOf(NEW_REFERRAL_ID)).hasSize(1);
    }

    @Test
    void aReferralStillOpenIsNotRedirected() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED))
               .when(redirectTo(THIRD), as(REFERRER_AGENT))
               .expectException(IllegalTransitionException.class)
               .expectExceptionMessage(Matchers.containsString("ACCEPTED"))
               .expectNoEvents();
    }

    @Test
    void aRedirectGoesToAnotherPartner() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.given(ReferralHistory.reaching(ReferralStatus.DECLINED))
               .when(redirectTo(RECEIVER), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void aReferralIsRedirectedOnce() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        List<Object> history = new java.util.ArrayList<>(ReferralHistory.reaching(ReferralStatus.DECLINED));
        history.add(new ReferralRedirected(REFERRAL_ID, NEW_REFERRAL_ID, THIRD, null));
        fixture.given(history)
               .when(new RedirectReferral(REFERRAL_ID, null, "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2905", THIRD, null, null),
                     as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void theReceiverDoesNotRedirect() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consentForAnything());
        fixture.given(ReferralHistory.reaching(ReferralStatus.DECLINED))
               .when(redirectTo(THIRD), as(RECEIVER_AGENT))
               .expectException(ActionNotAllowedException.class);
    }

    @Test
    void aRedirectNeedsTheConsentToCoverTheNewPartner() {
        others.caseOf(CASE_ID, caseRegistered(REFERRER), consent(CONSENT_ID, List.of(), List.of(RECEIVER), null));
        fixture.given(ReferralHistory.reaching(ReferralStatus.DECLINED))
               .when(redirectTo(THIRD), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    private void expectRefusal(MakeReferral command, BusinessRule rule) {
        fixture.givenNoPriorActivity()
               .when(command, as(REFERRER_AGENT))
               .expectException(ruleIs(rule))
               .expectNoEvents();
    }

    private static org.hamcrest.Matcher<Object> ruleIs(BusinessRule rule) {
        return new org.hamcrest.TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof BusinessRuleViolationException violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a refusal under rule " + rule);
            }
        };
    }
}
