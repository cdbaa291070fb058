package org.referrals.command.referral.deadline;

import static org.referrals.command.testing.TestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ExpireReferral;
import org.referrals.api.referral.RecordResponseOverdue;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.command.common.IllegalTransitionException;

/**
 * The deadline mechanism without the clock running: the recorder keeps the store in step with the events, the scan
 * fires overdue at {@code respondBy} (once), expiry after the grace period, and nothing after an answer of any kind.
 * The commands it sends go to a stand-in for the referral that answers with the events the real one applies
 * (whose own rules, overdue at most once and nothing after an answer, are tested in {@code ReferralTest}).
 */
class DeadlineScanTest {

    private static final Instant REQUESTED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant RESPOND_BY = REQUESTED.plus(Duration.ofHours(72));
    private static final String REFERRAL = "8a4a6a4e-2f4e-4d8e-9a56-0c5b8f0b6a11";

    private final InMemoryDeadlines deadlines = new InMemoryDeadlines();
    private final ResponseDeadlineRecorder recorder = new ResponseDeadlineRecorder(deadlines, "same");
    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private boolean answered;
    private final DeadlineScanner scanner = new DeadlineScanner(deadlines, referralStandIn(), java.time.Clock.systemUTC(),
                                                                Duration.ofHours(1));

    /** Applies what the referral would: overdue once, expiry, both refused once it has an answer. */
    private CommandGateway referralStandIn() {
        CommandGateway gateway = Mockito.mock(CommandGateway.class);
        Mockito.when(gateway.sendAndWait(Mockito.any())).thenAnswer(call -> {
            CommandMessage<?> message = call.getArgument(0);
            sent.add(message);
            if (answered) {
                throw new IllegalTransitionException("referral", message.getPayloadType().getSimpleName(), ReferralStatus.ACCEPTED);
            }
            if (message.getPayload() instanceof RecordResponseOverdue overdue) {
                recorder.on(new ReferralResponseOverdue(overdue.referralId(), RESPOND_BY));
            } else if (message.getPayload() instanceof ExpireReferral expire) {
                recorder.on(new ReferralExpired(expire.referralId(), RESPOND_BY));
            }
            return null;
        });
        return gateway;
    }

    private void requested() {
        recorder.on(new ReferralRequested(REFERRAL, "case", "ngo", "clinic", ServiceCategory.HEALTH_CARE, Urgency.PRIORITY,
                                          text("check-up"), REQUESTED, RESPOND_BY, null, null));
    }

    private List<String> sentTypes() {
        return sent.stream().map(m -> m.getPayloadType().getSimpleName()).toList();
    }

    @Test
    void overdueAtRespondByOnceThenExpiryAfterTheGracePeriodBySystem() {
        requested();
        assertThat(scanner.scan(RESPOND_BY.minusSeconds(1))).isZero();
        assertThat(scanner.scan(RESPOND_BY)).isEqualTo(1);
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofHours(71)))).as("overdue at most once").isZero();
        // grace "same": 72 hours more for a PRIORITY referral
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofHours(72)))).isEqualTo(1);
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofDays(30)))).as("nothing after expiry").isZero();

        assertThat(sentTypes()).containsExactly("RecordResponseOverdue", "ExpireReferral");
        assertThat(sent).allSatisfy(m -> assertThat(m.getMetaData().get(MetaDataKeys.ROLE)).isEqualTo(Role.SYSTEM.name()));
        assertThat(deadlines.rows).isEmpty();
    }

    @Test
    void aScanLongAfterTheDeadlineRecordsOverdueThenExpires() {
        requested();
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofDays(10)))).isEqualTo(2);
        assertThat(sentTypes()).containsExactly("RecordResponseOverdue", "ExpireReferral");
    }

    static Stream<Consumer<ResponseDeadlineRecorder>> answers() {
        return Stream.of(r -> r.on(new ReferralAccepted(REFERRAL, null)),
                         r -> r.on(new ReferralDeclined(REFERRAL, DeclineReason.NO_CAPACITY, null)),
                         r -> r.on(new ReferralCancelled(REFERRAL, ReferralStatus.REQUESTED, text("not needed"))),
                         r -> r.on(new ReferralExpired(REFERRAL, RESPOND_BY)));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void everyKindOfAnswerInTimeCancelsTheDeadline(Consumer<ResponseDeadlineRecorder> answer) {
        requested();
        answer.accept(recorder);
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofDays(30)))).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void anAnswerAfterTheOverdueMarkCancelsTheExpiry() {
        requested();
        scanner.scan(RESPOND_BY);
        recorder.on(new ReferralAccepted(REFERRAL, null));
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofDays(30)))).isZero();
        assertThat(sentTypes()).containsExactly("RecordResponseOverdue");
    }

    @Test
    void aRefusalBecauseAnotherNodeOrAnAnswerWasFirstIsNoError() {
        requested();
        answered = true; // the referral was answered, but this node's store had not seen it yet
        assertThat(scanner.scan(RESPOND_BY.plus(Duration.ofDays(30)))).isZero();
        assertThat(sentTypes()).containsExactly("RecordResponseOverdue", "ExpireReferral");
    }

    @Test
    void theGracePeriodIsTheSameLengthAgainOrAConfiguredDuration() {
        assertThat(GracePeriod.parse("same").expiresAt(REQUESTED, RESPOND_BY)).isEqualTo(RESPOND_BY.plus(Duration.ofHours(72)));
        assertThat(GracePeriod.parse("").expiresAt(REQUESTED, RESPOND_BY)).isEqualTo(RESPOND_BY.plus(Duration.ofHours(72)));
        assertThat(GracePeriod.parse("PT12H").expiresAt(REQUESTED, RESPOND_BY)).isEqualTo(RESPOND_BY.plus(Duration.ofHours(12)));
        assertThatThrownBy(() -> GracePeriod.parse("-PT1H")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GracePeriod.parse("two days")).isInstanceOf(RuntimeException.class);
    }

    /** The store's contract, in memory (the JDBC one is tested against H2 and PostgreSQL in infra). */
    static final class InMemoryDeadlines implements ResponseDeadlines {

        final Map<String, Waiting> rows = new LinkedHashMap<>();

        @Override
        public void schedule(String referralId, Instant respondBy, Instant expiresAt) {
            rows.put(referralId, new Waiting(referralId, respondBy, expiresAt, false));
        }

        @Override
        public void overdueRecorded(String referralId) {
            rows.computeIfPresent(referralId, (id, w) -> new Waiting(id, w.respondBy(), w.expiresAt(), true));
        }

        @Override
        public void cancel(String referralId) {
            rows.remove(referralId);
        }

        @Override
        public List<Waiting> dueAt(Instant now, int limit) {
            return rows.values().stream()
                       .filter(w -> (!w.overdueRecorded() && !w.respondBy().isAfter(now)) || !w.expiresAt().isAfter(now))
                       .sorted(Comparator.comparing(Waiting::respondBy)).limit(limit).toList();
        }
    }
}
