package org.referrals.command.caseregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.referrals.command.testing.TestData.CASE_ID;
import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.NOW;
import static org.referrals.command.testing.TestData.REFERRER;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.caseRegistered;
import static org.referrals.command.testing.TestData.consentForAnything;
import static org.referrals.command.testing.TestData.text;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.assessment.AssessmentResult;
import org.referrals.api.caseregistry.AssessmentRecorded;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.RecordAssessment;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.FakeSealer;

/** Recording an assessment on a case: who may, when, and what the event holds (answers and scores, sealed). */
class AssessmentTest {

    private static final String ASSESSMENT = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c01";
    private static final LocalDate TODAY = NOW.atZone(ZoneOffset.UTC).toLocalDate();
    private static final Map<String, String> ANSWERS = Map.of("economicSatisfaction", "SATISFIED", "housing", "FAIR",
                                                              "supportNetwork", "YES");

    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new FakeSealer());
    }

    private static RecordAssessment assessment(Map<String, String> answers, LocalDate takenOn) {
        return new RecordAssessment(CASE_ID, ASSESSMENT, "rss", 1, answers, takenOn);
    }

    @Test
    void theOwnerOrACoordinatorRecordsAnAssessmentSealedUnderTheCasesKey() {
        for (var actor : java.util.List.of(REFERRER_AGENT, COORDINATOR)) {
            fixture.given(caseRegistered(REFERRER), consentForAnything())
                   .when(assessment(ANSWERS, TODAY), as(actor))
                   .expectEventsMatching(exactSequenceOf(messageWithPayload(predicate((AssessmentRecorded e) ->
                           e.assessmentId().equals(ASSESSMENT) && e.instrumentId().equals("rss") && e.instrumentVersion() == 1
                           && e.takenOn().equals(TODAY) && e.recordedAt().equals(NOW) && e.result().keyId().equals(CASE_ID)
                           && e.result().ciphertext().contains("\"composite\":0.75"))), andNoMore()));
        }
    }

    @Test
    void theSealedResultHoldsTheAnswersAndTheirScores() throws Exception {
        var sealed = AssessmentSealing.seal(new FakeSealer(), CASE_ID,
                new AssessmentResult(ANSWERS, org.referrals.api.assessment.Instruments.RSS_1.score(ANSWERS)));
        AssessmentResult read = JsonMapper.builder().build().readValue(sealed.ciphertext(), AssessmentResult.class);
        assertThat(read.answers()).isEqualTo(ANSWERS);
        // SATISFIED .75 alone in economic; FAIR .5 alone in social; YES 1 alone in psychosocial; composite 2.25 / 3
        assertThat(read.scores().dimensions()).containsEntry(ReintegrationDimension.ECONOMIC, 0.75)
                                              .containsEntry(ReintegrationDimension.SOCIAL, 0.5)
                                              .containsEntry(ReintegrationDimension.PSYCHOSOCIAL, 1.0);
        assertThat(read.scores().composite()).isEqualTo(0.75);
    }

    @Test
    void anotherPartnerDoesNotSeeTheCase() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(assessment(ANSWERS, TODAY), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void anAnswerOutsideTheInstrumentIsRefusedAndNamed() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(assessment(Map.of("housing", "PALACE"), TODAY), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectExceptionMessage(Matchers.containsString("housing"))
               .expectNoEvents();
    }

    @Test
    void notDatedInTheFuture() {
        fixture.given(caseRegistered(REFERRER), consentForAnything())
               .when(assessment(ANSWERS, TODAY.plusDays(3)), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void notOnAClosedOrErasedCase() {
        fixture.given(caseRegistered(REFERRER), consentForAnything(), new CaseClosed(CASE_ID, CaseClosureReason.OPTED_OUT, null, NOW))
               .when(assessment(ANSWERS, TODAY), as(REFERRER_AGENT))
               .expectException(IllegalTransitionException.class)
               .expectNoEvents();
        fixture.given(caseRegistered(REFERRER), consentForAnything(), new CasePersonalDataErased(CASE_ID, text("x"), NOW))
               .when(assessment(ANSWERS, TODAY), as(REFERRER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }
}
