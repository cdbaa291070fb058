package org.referrals.command.caseregistry;

import static org.referrals.command.testing.TestData.text;
import static org.referrals.command.testing.TestData.ADMIN;
import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.CONSENT_ID;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.RECEIVER;
import static org.referrals.command.testing.TestData.REFERRER;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.SYSTEM;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.caseRegistered;
import static org.referrals.command.testing.TestData.consentForAnything;
import static org.referrals.command.testing.TestData.partnerRegistered;
import static org.referrals.command.testing.TestData.person;
import static org.referrals.command.testing.TestData.sealed;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.CaseRegistrationResult;
import org.referrals.api.caseregistry.CloseCase;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.CorrectCaseDetails;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.RecordConsent;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.caseregistry.WithdrawConsent;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.FakeSealer;
import org.referrals.command.testing.InMemoryAggregates;
import org.referrals.command.testing.RoutingRepository;

class CaseTest {

    private static final String SECOND_CONSENT = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a05";

    private FixtureConfiguration<Case> fixture;
    private InMemoryAggregates others;
    private FakeSealer sealer;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        others = new InMemoryAggregates(CLOCK);
        others.partner(REFERRER, partnerRegistered(REFERRER));
        sealer = new FakeSealer();
        fixture.registerInjectableResource(sealer);
        // earlier cases (possible duplicates) are read from their own store
        fixture.registerAnnotatedCommandHandler(new CaseCommandHandler(new RoutingRepository<>(fixture.getRepository(), CASE_ID, others.cases),
                                                                       others.partners, sealer, CLOCK));
    }

    private static RegisterCase register(ConsentTerms consent) {
        return new RegisterCase(CASE_ID, person(), Set.of(Vulnerability.GBV_SURVIVOR), "MA", CONSENT_ID, consent);
    }

    private static ConsentTerms consentTo(List<ServiceCategory> categories, List<String> partners) {
        return new ConsentTerms(LegalBasis.CONSENT, categories, partners, NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void aPartnerAgentRegistersACaseOfItsPartnerWithSealedPersonalDataAndAFirstConsent() {
        var consent = consentTo(List.of(ServiceCategory.HEALTH_CARE), List.of());
        fixture.givenNoPriorActivity()
               .when(register(consent), as(REFERRER_AGENT))
               .expectEvents(new CaseRegistered(CASE_ID, REFERRER, sealed(CASE_ID), Set.of(Vulnerability.GBV_SURVIVOR), "MA", NOW),
                             new ConsentRecorded(CASE_ID, CONSENT_ID, LegalBasis.CONSENT, List.of(ServiceCategory.HEALTH_CARE),
                                                 List.of(), NOW, consent.expiresAt()))
               .expectResultMessagePayload(new CaseRegistrationResult(CASE_ID, List.of()));
    }

    @Test
    void registeringTheSamePersonAgainAnswersTheEarlierCaseAsAPossibleDuplicate() {
        var consent = consentTo(List.of(ServiceCategory.HEALTH_CARE), List.of());
        others.caseOf("earlier-case", caseRegistered(REFERRER));
        sealer.indexForDuplicates("earlier-case", register(consent).person());
        fixture.givenNoPriorActivity()
               .when(register(consent), as(REFERRER_AGENT))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(new CaseRegistrationResult(CASE_ID, List.of("earlier-case")));
    }

    /** Else typing a name would tell a partner whether that person is registered with another partner. */
    @Test
    void anotherPartnersCaseOfTheSamePersonIsNotAnswered() {
        var consent = consentTo(List.of(ServiceCategory.HEALTH_CARE), List.of());
        others.caseOf("their-case", caseRegistered(RECEIVER));
        others.caseOf("our-case", caseRegistered(REFERRER));
        sealer.indexForDuplicates("their-case", register(consent).person());
        sealer.indexForDuplicates("our-case", register(consent).person());
        fixture.givenNoPriorActivity()
               .when(register(consent), as(REFERRER_AGENT))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(new CaseRegistrationResult(CASE_ID, List.of("our-case")));
    }

    @Test
    void onlyPartnerAgentsRegisterCases() {
        fixture.givenNoPriorActivity()
               .when(register(consentTo(null, null)), as(COORDINATOR))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
    }

    @Test
    void theAgentsPartnerMustBeRegistered() {
        fixture.givenNoPriorActivity()
               .when(register(consentTo(null, null)), as(THIRD_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void aConsentCannotExpireInThePast() {
        var expired = new ConsentTerms(LegalBasis.CONSENT, null, null, NOW.minusSeconds(1));
        fixture.givenNoPriorActivity()
               .when(register(expired), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void theOwnerRecordsAnotherConsent() {
        var terms = new ConsentTerms(LegalBasis.VITAL_INTEREST, List.of(ServiceCategory.SHELTER_HOUSING), List.of("shelter-one"), null);
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new RecordConsent(CASE_ID, SECOND_CONSENT, terms), as(REFERRER_AGENT))
               .expectEvents(new ConsentRecorded(CASE_ID, SECOND_CONSENT, LegalBasis.VITAL_INTEREST,
                                                 List.of(ServiceCategory.SHELTER_HOUSING), List.of("shelter-one"), NOW, null));
    }

    @Test
    void anotherPartnerDoesNotSeeTheCase() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new RecordConsent(CASE_ID, SECOND_CONSENT, consentTo(null, null)), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void aConsentIdIsRecordedOnce() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new RecordConsent(CASE_ID, CONSENT_ID, consentTo(null, null)), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void aClosedCaseTakesNoNewConsent() {
        fixture.given(caseRegistered(REFERRER), consentForAnything(),
                      new CaseClosed(CASE_ID, CaseClosureReason.MOVED_AWAY, null, NOW))
               .when(new RecordConsent(CASE_ID, SECOND_CONSENT, consentTo(null, null)), as(REFERRER_AGENT))
               .expectException(IllegalTransitionException.class)
               .expectExceptionMessage(Matchers.containsString("CLOSED"));
    }

    @Test
    void aConsentIsWithdrawnOnce() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new WithdrawConsent(CASE_ID, CONSENT_ID, "asked by the client"), as(REFERRER_AGENT))
               .expectEvents(new ConsentWithdrawn(CASE_ID, CONSENT_ID, text("asked by the client"), NOW));
        fixture.given(caseRegistered(REFERRER), consentForAnything(), new ConsentWithdrawn(CASE_ID, CONSENT_ID, null, NOW))
               .when(new WithdrawConsent(CASE_ID, CONSENT_ID, "again"), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void anUnknownConsentCannotBeWithdrawn() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new WithdrawConsent(CASE_ID, SECOND_CONSENT, null), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void theOwnerClosesTheCaseOnce() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new CloseCase(CASE_ID, CaseClosureReason.SUPPORT_PERIOD_ENDED, "12 months"), as(REFERRER_AGENT))
               .expectEvents(new CaseClosed(CASE_ID, CaseClosureReason.SUPPORT_PERIOD_ENDED, text("12 months"), NOW));
        fixture.given(caseRegistered(REFERRER), consentForAnything(),
                      new CaseClosed(CASE_ID, CaseClosureReason.OPTED_OUT, null, NOW))
               .when(new CloseCase(CASE_ID, CaseClosureReason.OTHER, "again"), as(COORDINATOR))
               .expectException(IllegalTransitionException.class)
               .expectExceptionMessage(Matchers.containsString("CLOSED"));
    }

    @Test
    void anAdminErasesPersonalDataOnceAndItsKeyIsDestroyed() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new ErasePersonalData(CASE_ID, "request of the data subject"), as(ADMIN))
               .expectEvents(new CasePersonalDataErased(CASE_ID, text("request of the data subject"), NOW));
        org.assertj.core.api.Assertions.assertThat(sealer.destroyedKeys).containsExactly(CASE_ID);
        fixture.given(caseRegistered(REFERRER), consentForAnything(), new CasePersonalDataErased(CASE_ID, text("x"), NOW))
               .when(new ErasePersonalData(CASE_ID, "again"), as(ADMIN))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void theSystemErasesAClosedCaseWhenItsRetentionPeriodEnds() {
        fixture.given(caseRegistered(REFERRER), consentForAnything(),
                      new CaseClosed(CASE_ID, CaseClosureReason.SUPPORT_PERIOD_ENDED, text("done"), NOW))
               .when(new ErasePersonalData(CASE_ID, "retention period of P5Y after closure ended"), as(SYSTEM))
               .expectEvents(new CasePersonalDataErased(CASE_ID, text("retention period of P5Y after closure ended"), NOW));
        org.assertj.core.api.Assertions.assertThat(sealer.destroyedKeys).containsExactly(CASE_ID);
    }

    @Test
    void onlyAnAdminErasesAndNobodyElseDestroysAKey() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new ErasePersonalData(CASE_ID, "cleanup"), as(COORDINATOR))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new ErasePersonalData(CASE_ID, "cleanup"), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class);
        org.assertj.core.api.Assertions.assertThat(sealer.destroyedKeys).isEmpty();
    }

    @Test
    void correctedPersonalDataIsSealedAgain() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new CorrectCaseDetails(CASE_ID, person(), Set.of(Vulnerability.DISABILITY), "SN"), as(REFERRER_AGENT))
               .expectEvents(new CaseDetailsCorrected(CASE_ID, sealed(CASE_ID), Set.of(Vulnerability.DISABILITY), "SN"));
    }

    @Test
    void erasedDataCannotBeCorrected() {
        fixture.given(caseRegistered(REFERRER), consentForAnything(), new CasePersonalDataErased(CASE_ID, text("x"), NOW))
               .when(new CorrectCaseDetails(CASE_ID, person(), Set.of(), "SN"), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void anotherPartnerCannotCorrectTheCase() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(new CorrectCaseDetails(CASE_ID, person(), Set.of(), "SN"), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class)
               .expectNoEvents();
    }
}
