package org.referrals.command.caseregistry.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.Role;

/** The sweep erases exactly the cases whose retention period has ended, as the system, and parses its period. */
class RetentionSweeperTest {

    private static final Instant NOW = Instant.parse("2031-06-01T12:00:00Z");

    /** Closure times by case; an erasure removes the case, like deleting its key row. */
    private final Map<String, Instant> closed = new LinkedHashMap<>();
    private final List<CommandMessage<?>> sent = new ArrayList<>();

    private final CaseRetention retention = new CaseRetention() {
        @Override
        public void closed(String caseId, Instant closedAt) {
            closed.put(caseId, closedAt);
        }

        @Override
        public List<String> closedBefore(Instant cutoff, int limit) {
            return closed.entrySet().stream().filter(e -> e.getValue().isBefore(cutoff)).map(Map.Entry::getKey)
                         .limit(limit).toList();
        }
    };

    private RetentionSweeper sweeper(String period) {
        CommandGateway gateway = Mockito.mock(CommandGateway.class);
        Mockito.when(gateway.sendAndWait(Mockito.any())).thenAnswer(call -> {
            CommandMessage<?> message = call.getArgument(0);
            sent.add(message);
            closed.remove(((ErasePersonalData) message.getPayload()).caseId());
            return null;
        });
        return new RetentionSweeper(retention, gateway, Clock.fixed(NOW, ZoneOffset.UTC), period, Duration.ofHours(1));
    }

    @Test
    void casesClosedLongerAgoThanThePeriodAreErasedBySystemAndOthersKept() {
        retention.closed("closed-six-years-ago", NOW.atOffset(ZoneOffset.UTC).minusYears(6).toInstant());
        retention.closed("closed-five-years-and-a-day-ago", NOW.atOffset(ZoneOffset.UTC).minusYears(5).minusDays(1).toInstant());
        retention.closed("closed-four-years-ago", NOW.atOffset(ZoneOffset.UTC).minusYears(4).toInstant());

        assertThat(sweeper("P5Y").sweep(NOW)).isEqualTo(2);

        assertThat(sent).extracting(m -> ((ErasePersonalData) m.getPayload()).caseId())
                        .containsExactly("closed-six-years-ago", "closed-five-years-and-a-day-ago");
        assertThat(sent).allSatisfy(m -> {
            assertThat(m.getMetaData().get(MetaDataKeys.ROLE)).isEqualTo(Role.SYSTEM.name());
            assertThat(((ErasePersonalData) m.getPayload()).justification()).contains("P5Y");
        });
        assertThat(closed).containsOnlyKeys("closed-four-years-ago");
    }

    @Test
    void aDurationWorksAsPeriodAndNonsenseIsRefusedAtStart() {
        assertThat(sweeper("PT10M").cutoff(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        assertThat(sweeper("P5Y").cutoff(NOW)).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThatThrownBy(() -> sweeper("five years")).isInstanceOf(IllegalArgumentException.class)
                                                       .hasMessageContaining("referrals.retention.period");
    }
}
