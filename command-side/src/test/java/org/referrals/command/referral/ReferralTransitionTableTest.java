package org.referrals.command.referral;

import static org.referrals.command.testing.TestData.text;
import static org.referrals.api.referral.ReferralStatus.ACCEPTED;
import static org.referrals.api.referral.ReferralStatus.CANCELLED;
import static org.referrals.api.referral.ReferralStatus.CLOSED;
import static org.referrals.api.referral.ReferralStatus.DECLINED;
import static org.referrals.api.referral.ReferralStatus.DELIVERED;
import static org.referrals.api.referral.ReferralStatus.EXPIRED;
import static org.referrals.api.referral.ReferralStatus.FAILED;
import static org.referrals.api.referral.ReferralStatus.IN_PROGRESS;
import static org.referrals.api.referral.ReferralStatus.ON_HOLD;
import static org.referrals.api.referral.ReferralStatus.REQUESTED;
import static org.referrals.command.testing.TestData.RECEIVER_AGENT;
import static org.referrals.command.testing.TestData.REFERRAL_ID;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.SYSTEM;
import static org.referrals.command.testing.TestData.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.AddReferralNote;
import org.referrals.api.referral.CancelReferral;
import org.referrals.api.referral.CloseReferral;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.DeliverService;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.ExpireReferral;
import org.referrals.api.referral.FailService;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.PutReferralOnHold;
import org.referrals.api.referral.RecordResponseOverdue;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ResumeReferral;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.StartService;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.testing.FakeSealer;

/**
 * Every referral command in every state: allowed exactly where DESIGN section 3 allows it (the table below is
 * copied from there, not from {@link ReferralLifecycle}), refused everywhere else with the current state named.
 */
class ReferralTransitionTableTest {

    /** DESIGN section 3: allowed transitions, notes in every non-terminal state, overdue while unanswered. */
    private static final Map<ReferralStatus, List<ReferralLifecycle>> ALLOWED = Map.of(
            REQUESTED, List.of(ReferralLifecycle.ACCEPT, ReferralLifecycle.DECLINE, ReferralLifecycle.CANCEL,
                               ReferralLifecycle.EXPIRE, ReferralLifecycle.NOTE, ReferralLifecycle.RECORD_OVERDUE),
            ACCEPTED, List.of(ReferralLifecycle.START, ReferralLifecycle.HOLD, ReferralLifecycle.CANCEL,
                              ReferralLifecycle.FAIL, ReferralLifecycle.NOTE, ReferralLifecycle.FEEDBACK),
            ON_HOLD, List.of(ReferralLifecycle.RESUME, ReferralLifecycle.CANCEL, ReferralLifecycle.FAIL,
                             ReferralLifecycle.NOTE, ReferralLifecycle.FEEDBACK),
            IN_PROGRESS, List.of(ReferralLifecycle.DELIVER, ReferralLifecycle.FAIL, ReferralLifecycle.HOLD,
                                 ReferralLifecycle.CANCEL, ReferralLifecycle.NOTE, ReferralLifecycle.FEEDBACK),
            DELIVERED, List.of(ReferralLifecycle.CLOSE, ReferralLifecycle.NOTE, ReferralLifecycle.FEEDBACK),
            FAILED, List.of(ReferralLifecycle.CLOSE, ReferralLifecycle.NOTE, ReferralLifecycle.FEEDBACK),
            DECLINED, List.of(),
            EXPIRED, List.of(),
            CANCELLED, List.of(),
            // the returnee's feedback (issue 28) may come after the loop is closed
            CLOSED, List.of(ReferralLifecycle.FEEDBACK));

    private static final Instant LONG_AFTER_RESPOND_BY = ReferralHistory.REQUESTED.respondBy().plus(Duration.ofDays(30));

    static Stream<Arguments> everyCommandInEveryState() {
        return Stream.of(ReferralLifecycle.values())
                .filter(transition -> transition != ReferralLifecycle.REDIRECT) // needs its handler: ReferralCommandHandlerTest
                .flatMap(transition -> Stream.of(ReferralStatus.values()).map(state -> Arguments.of(transition, state)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyCommandInEveryState")
    void commandInState(ReferralLifecycle transition, ReferralStatus state) {
        FixtureConfiguration<Referral> fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new FakeSealer()); // seals notes as TestData.text
        List<Object> history = ReferralHistory.reaching(state);
        var result = fixture.given(history).when(command(transition), as(sender(transition)));
        if (ALLOWED.get(state).contains(transition)) {
            ReferralStatus after = transition.target() == null ? state : transition.target();
            result.expectSuccessfulHandlerExecution()
                  .expectEvents(event(transition, state))
                  .expectResultMessagePayload(new ReferralResult(REFERRAL_ID, after, history.size()));
        } else {
            result.expectException(IllegalTransitionException.class)
                  .expectExceptionMessage(Matchers.endsWith("in state " + state.name()))
                  .expectNoEvents();
        }
    }

    private static Actor sender(ReferralLifecycle transition) {
        return switch (transition) {
            case CANCEL, CLOSE, REDIRECT -> REFERRER_AGENT;
            case EXPIRE, RECORD_OVERDUE -> SYSTEM;
            default -> RECEIVER_AGENT;
        };
    }

    private static Object command(ReferralLifecycle transition) {
        return switch (transition) {
            case ACCEPT -> new AcceptReferral(REFERRAL_ID, null, "ok");
            case DECLINE -> new DeclineReferral(REFERRAL_ID, null, DeclineReason.NO_CAPACITY, "full");
            case HOLD -> new PutReferralOnHold(REFERRAL_ID, null, "waitlist");
            case RESUME -> new ResumeReferral(REFERRAL_ID, null, "place free");
            case START -> new StartService(REFERRAL_ID, null, null);
            case DELIVER -> new DeliverService(REFERRAL_ID, null, DeliveryOutcome.SERVICE_PROVIDED, "done");
            case FAIL -> new FailService(REFERRAL_ID, null, FailureReason.CLIENT_UNREACHABLE, null);
            case CANCEL -> new CancelReferral(REFERRAL_ID, null, "no longer needed");
            case EXPIRE -> new ExpireReferral(REFERRAL_ID, LONG_AFTER_RESPOND_BY);
            case CLOSE -> new CloseReferral(REFERRAL_ID, null, ReferralClosureReason.NEED_MET, null);
            case NOTE -> new AddReferralNote(REFERRAL_ID, null, "called the client");
            case FEEDBACK -> new org.referrals.api.referral.RecordReturneeFeedback(REFERRAL_ID, null, 4, "helpful");
            case RECORD_OVERDUE -> new RecordResponseOverdue(REFERRAL_ID, LONG_AFTER_RESPOND_BY);
            case REDIRECT -> throw new IllegalArgumentException("not in this table");
        };
    }

    private static Object event(ReferralLifecycle transition, ReferralStatus from) {
        return switch (transition) {
            case ACCEPT -> new ReferralAccepted(REFERRAL_ID, text("ok"));
            case DECLINE -> new ReferralDeclined(REFERRAL_ID, DeclineReason.NO_CAPACITY, text("full"));
            case HOLD -> new ReferralPutOnHold(REFERRAL_ID, text("waitlist"));
            case RESUME -> new ReferralResumed(REFERRAL_ID, text("place free"));
            case START -> new ServiceStarted(REFERRAL_ID, null);
            case DELIVER -> new ServiceDelivered(REFERRAL_ID, DeliveryOutcome.SERVICE_PROVIDED, text("done"));
            case FAIL -> new ServiceFailed(REFERRAL_ID, FailureReason.CLIENT_UNREACHABLE, null);
            case CANCEL -> new ReferralCancelled(REFERRAL_ID, from, text("no longer needed"));
            case EXPIRE -> new ReferralExpired(REFERRAL_ID, ReferralHistory.REQUESTED.respondBy());
            case CLOSE -> new ReferralClosed(REFERRAL_ID, ReferralClosureReason.NEED_MET, null);
            case NOTE -> new ReferralNoteAdded(REFERRAL_ID, text("called the client"));
            case FEEDBACK -> new org.referrals.api.referral.ReturneeFeedbackRecorded(REFERRAL_ID, 4, text("helpful"), RECEIVER_AGENT.partnerId());
            case RECORD_OVERDUE -> new ReferralResponseOverdue(REFERRAL_ID, ReferralHistory.REQUESTED.respondBy());
            case REDIRECT -> throw new IllegalArgumentException("not in this table");
        };
    }
}
