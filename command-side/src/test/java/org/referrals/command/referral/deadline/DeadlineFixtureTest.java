package org.referrals.command.referral.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.command.referral.Referral;
import org.referrals.command.referral.ReferralHistory;
import org.referrals.command.testing.FakeSealer;

/**
 * The scan against the real {@link Referral} aggregate in an {@link AggregateTestFixture}: the commands it sends
 * are handled by the aggregate's rules, and the events it applies are handed to the recorder as the application's
 * subscribing processor would.
 */
class DeadlineFixtureTest {

    private static final Instant RESPOND_BY = ReferralHistory.REQUESTED.respondBy();
    private static final Duration RESPONSE_TIME = Duration.between(ReferralHistory.REQUESTED.requestedAt(), RESPOND_BY);

    private AggregateTestFixture<Referral> fixture;
    private final DeadlineScanTest.InMemoryDeadlines deadlines = new DeadlineScanTest.InMemoryDeadlines();
    private final List<String> applied = new ArrayList<>();
    private DeadlineScanner scanner;
    private AnnotationEventHandlerAdapter recorder;
    private int seen;

    @BeforeEach
    void referralRequested() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(new FakeSealer()); // seals notes as TestData.text
        recorder = new AnnotationEventHandlerAdapter(new ResponseDeadlineRecorder(deadlines, "same"));
        scanner = new DeadlineScanner(deadlines, DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(),
                                      Clock.systemUTC(), Duration.ofHours(1));
    }

    /** Scans, then hands the events the referral applied to the recorder, as the subscribing processor would. */
    private void scan(Instant now) {
        scanner.scan(now);
        List<EventMessage<?>> events = new ArrayList<>();
        fixture.getEventStore().readEvents(ReferralHistory.REQUESTED.referralId()).forEachRemaining(events::add);
        for (EventMessage<?> event : events.subList(seen, events.size())) {
            applied.add(event.getPayloadType().getSimpleName());
            record(event);
        }
        seen = events.size();
    }

    private void record(EventMessage<?> event) {
        try {
            recorder.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void given(Object... history) {
        fixture.given(history);
        // the fixture subscribes the aggregate's handlers only inside when(); the scan sends outside it
        AggregateAnnotationCommandHandler.<Referral>builder().aggregateType(Referral.class)
                                         .repository(fixture.getRepository()).build().subscribe(fixture.getCommandBus());
        for (Object event : history) {
            record(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event));
        }
        seen = history.length;
    }

    @Test
    void overdueOnceAtRespondByThenExpiryAfterTheGracePeriod() {
        given(ReferralHistory.REQUESTED);
        scan(RESPOND_BY.minusSeconds(1));
        assertThat(applied).isEmpty();
        scan(RESPOND_BY);
        scan(RESPOND_BY.plus(RESPONSE_TIME).minusSeconds(1));
        assertThat(applied).containsExactly("ReferralResponseOverdue");
        scan(RESPOND_BY.plus(RESPONSE_TIME));
        scan(RESPOND_BY.plus(RESPONSE_TIME.multipliedBy(5)));
        assertThat(applied).containsExactly("ReferralResponseOverdue", "ReferralExpired");
    }

    @Test
    void noOverdueWhenAnsweredInTime() {
        given(ReferralHistory.REQUESTED, new ReferralAccepted(ReferralHistory.REQUESTED.referralId(), null));
        scan(RESPOND_BY.plus(RESPONSE_TIME.multipliedBy(5)));
        assertThat(applied).isEmpty();
    }
}
