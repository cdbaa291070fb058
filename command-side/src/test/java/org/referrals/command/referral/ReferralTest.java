package org.referrals.command.referral;

import static org.referrals.command.testing.TestData.text;
import static org.referrals.command.testing.TestData.ADMIN;
import static org.referrals.command.testing.TestData.ANALYST;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.RECEIVER_AGENT;
import static org.referrals.command.testing.TestData.REFERRAL_ID;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.SYSTEM;
import static org.referrals.command.testing.TestData.THIRD_AGENT;
import static org.referrals.command.testing.TestData.as;

import java.time.Duration;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.AddReferralNote;
import org.referrals.api.referral.CancelReferral;
import org.referrals.api.referral.CloseReferral;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.ExpireReferral;
import org.referrals.api.referral.FailService;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.RecordResponseOverdue;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.testing.FakeSealer;

/** Who may send what to a referral, and the rules beside the state machine. */
class ReferralTest {

    private FixtureConfiguration<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new FakeSealer()); // seals notes as TestData.text
    }

    @Test
    void theReferrerCannotAcceptItsOwnReferral() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new AcceptReferral(REFERRAL_ID, null, null), as(REFERRER_AGENT))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
    }

    @Test
    void aCoordinatorCannotAnswerForTheReceiver() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new DeclineReferral(REFERRAL_ID, null, DeclineReason.NO_CAPACITY, null), as(COORDINATOR))
               .expectException(ActionNotAllowedException.class);
    }

    @Test
    void aThirdPartnerIsToldTheReferralDoesNotExist() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new AcceptReferral(REFERRAL_ID, null, null), as(THIRD_AGENT))
               .expectException(ResourceNotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void analystsAndAdminsDoNotSeeIndividualReferrals() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new AddReferralNote(REFERRAL_ID, null, "hello"), as(ANALYST))
               .expectException(ResourceNotVisibleException.class);
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new CancelReferral(REFERRAL_ID, null, "cleanup"), as(ADMIN))
               .expectException(ResourceNotVisibleException.class);
    }

    @Test
    void theReceiverAndACoordinatorMayCancel() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED))
               .when(new CancelReferral(REFERRAL_ID, null, "client moved"), as(RECEIVER_AGENT))
               .expectEvents(new ReferralCancelled(REFERRAL_ID, ReferralStatus.ACCEPTED, text("client moved")));
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new CancelReferral(REFERRAL_ID, null, "duplicate"), as(COORDINATOR))
               .expectEvents(new ReferralCancelled(REFERRAL_ID, ReferralStatus.REQUESTED, text("duplicate")));
    }

    @Test
    void onlyTheReferrerOrACoordinatorClosesTheLoop() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.DELIVERED))
               .when(new CloseReferral(REFERRAL_ID, null, ReferralClosureReason.NEED_MET, null), as(RECEIVER_AGENT))
               .expectException(ActionNotAllowedException.class);
        fixture.given(ReferralHistory.reaching(ReferralStatus.DELIVERED))
               .when(new CloseReferral(REFERRAL_ID, null, ReferralClosureReason.NEED_MET, null), as(COORDINATOR))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void bothPartiesAndCoordinatorsAddNotes() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.IN_PROGRESS))
               .when(new AddReferralNote(REFERRAL_ID, null, "follow-up on Monday"), as(REFERRER_AGENT))
               .expectEvents(new ReferralNoteAdded(REFERRAL_ID, text("follow-up on Monday")));
        fixture.given(ReferralHistory.reaching(ReferralStatus.IN_PROGRESS))
               .when(new AddReferralNote(REFERRAL_ID, null, "reviewed"), as(COORDINATOR))
               .expectEvents(new ReferralNoteAdded(REFERRAL_ID, text("reviewed")));
    }

    @Test
    void declineWithReasonOtherNeedsANote() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new DeclineReferral(REFERRAL_ID, null, DeclineReason.OTHER, " "), as(RECEIVER_AGENT))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new DeclineReferral(REFERRAL_ID, null, DeclineReason.OTHER, "building closed"), as(RECEIVER_AGENT))
               .expectEvents(new ReferralDeclined(REFERRAL_ID, DeclineReason.OTHER, text("building closed")));
    }

    @Test
    void failureWithReasonOtherNeedsANote() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED))
               .when(new FailService(REFERRAL_ID, null, FailureReason.OTHER, null), as(RECEIVER_AGENT))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void overdueIsRecordedOnceAndOnlyAfterRespondBy() {
        var respondBy = ReferralHistory.REQUESTED.respondBy();
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new RecordResponseOverdue(REFERRAL_ID, respondBy.minusSeconds(1)), as(SYSTEM))
               .expectException(BusinessRuleViolationException.class);
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new RecordResponseOverdue(REFERRAL_ID, respondBy), as(SYSTEM))
               .expectEvents(new ReferralResponseOverdue(REFERRAL_ID, respondBy));
        fixture.given(ReferralHistory.REQUESTED, new ReferralResponseOverdue(REFERRAL_ID, respondBy))
               .when(new RecordResponseOverdue(REFERRAL_ID, respondBy.plusSeconds(60)), as(SYSTEM))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyTheSystemExpiresAndOnlyAfterRespondBy() {
        var respondBy = ReferralHistory.REQUESTED.respondBy();
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new ExpireReferral(REFERRAL_ID, respondBy.plus(Duration.ofDays(2))), as(COORDINATOR))
               .expectException(ActionNotAllowedException.class);
        fixture.given(ReferralHistory.reaching(ReferralStatus.REQUESTED))
               .when(new ExpireReferral(REFERRAL_ID, respondBy.minusSeconds(1)), as(SYSTEM))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void anAnswerAfterTheOverdueMarkIsStillAccepted() {
        var respondBy = ReferralHistory.REQUESTED.respondBy();
        fixture.given(ReferralHistory.REQUESTED, new ReferralResponseOverdue(REFERRAL_ID, respondBy))
               .when(new AcceptReferral(REFERRAL_ID, null, "sorry for the delay"), as(RECEIVER_AGENT))
               .expectEvents(new ReferralAccepted(REFERRAL_ID, text("sorry for the delay")));
    }

    @Test
    void aConditionalCommandOnTheCurrentVersionSucceeds() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED)) // versions 0 and 1
               .when(new FailService(REFERRAL_ID, 1L, FailureReason.CLIENT_WITHDREW, null), as(RECEIVER_AGENT))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(new ReferralResult(REFERRAL_ID, ReferralStatus.FAILED, 2));
    }

    @Test
    void aConditionalCommandOnAnOlderVersionIsRefused() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED))
               .when(new FailService(REFERRAL_ID, 0L, FailureReason.CLIENT_WITHDREW, null), as(RECEIVER_AGENT))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    // --- quality and the case's closure (issue 28)

    @Test
    void theReferrerClosesWithTheQualityOfTheServiceTheCommentSealed() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.DELIVERED))
               .when(new CloseReferral(REFERRAL_ID, null, ReferralClosureReason.NEED_PARTIALLY_MET, null, false, 2, "waited weeks"),
                     as(REFERRER_AGENT))
               .expectEvents(new ReferralClosed(REFERRAL_ID, ReferralClosureReason.NEED_PARTIALLY_MET, null, false, 2,
                                                text("waited weeks"), null));
    }

    @Test
    void eitherPartyOrACoordinatorRecordsTheReturneesFeedbackNobodyElse() {
        for (var actor : java.util.List.of(REFERRER_AGENT, RECEIVER_AGENT, COORDINATOR)) {
            fixture.given(ReferralHistory.reaching(ReferralStatus.CLOSED))
                   .when(new org.referrals.api.referral.RecordReturneeFeedback(REFERRAL_ID, null, 5, "very good"), as(actor))
                   .expectEvents(new org.referrals.api.referral.ReturneeFeedbackRecorded(REFERRAL_ID, 5, text("very good"), actor.partnerId()));
        }
        fixture.given(ReferralHistory.reaching(ReferralStatus.CLOSED))
               .when(new org.referrals.api.referral.RecordReturneeFeedback(REFERRAL_ID, null, 5, null), as(THIRD_AGENT))
               .expectException(org.referrals.command.common.ResourceNotVisibleException.class).expectNoEvents();
        fixture.given(ReferralHistory.reaching(ReferralStatus.CLOSED))
               .when(new org.referrals.api.referral.RecordReturneeFeedback(REFERRAL_ID, null, 5, null), as(SYSTEM))
               .expectException(ActionNotAllowedException.class).expectNoEvents();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ReferralStatus.class)
    void withItsCaseClosedAnOpenReferralIsCancelledADeliveredOrFailedOneClosedAnEndedOneLeft(ReferralStatus state) {
        var reason = org.referrals.api.caseregistry.CaseClosureReason.RE_MIGRATED;
        var result = fixture.given(ReferralHistory.reaching(state))
                            .when(new org.referrals.api.referral.EndReferralWithCase(REFERRAL_ID, reason), as(SYSTEM));
        switch (state) {
            case REQUESTED, ACCEPTED, ON_HOLD, IN_PROGRESS ->
                    result.expectEvents(new ReferralCancelled(REFERRAL_ID, state, null, reason));
            case DELIVERED, FAILED ->
                    result.expectEvents(new ReferralClosed(REFERRAL_ID, ReferralClosureReason.OTHER, null, null, null, null, reason));
            default -> result.expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Test
    void onlyTheSystemEndsAReferralWithItsCase() {
        fixture.given(ReferralHistory.reaching(ReferralStatus.ACCEPTED))
               .when(new org.referrals.api.referral.EndReferralWithCase(REFERRAL_ID, org.referrals.api.caseregistry.CaseClosureReason.OTHER),
                     as(COORDINATOR))
               .expectException(ActionNotAllowedException.class).expectNoEvents();
    }
}
