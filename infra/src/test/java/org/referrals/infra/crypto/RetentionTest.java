package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.CloseCase;
import org.referrals.api.common.Actor;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.Role;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Retention end to end, with a period of seconds: a closed case is erased by the system when its period ends, with
 * an event and a log line; an open case is kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class RetentionTest {

    @TempDir
    Path dataDir;

    @Test
    void aClosedCaseIsErasedWhenItsRetentionPeriodEndsAndAnOpenOneIsKept(CapturedOutput output) {
        try (var app = RunningApplication.start(dataDir, "referrals.retention.period=PT2S",
                                                "referrals.retention.sweep-interval=PT0.5S")) {
            app.send(Samples.partner("ngo-retention"), COORDINATOR);
            var agent = Actor.partnerAgent("key-agent", "ngo-retention");
            var closedCase = Samples.caseWithConsentForAnything();
            var openCase = Samples.caseWithConsentForAnything();
            app.send(closedCase, agent);
            app.send(openCase, agent);
            app.send(new CloseCase(closedCase.caseId(), CaseClosureReason.SUPPORT_PERIOD_ENDED, "support completed"), agent);

            EventStore events = app.bean(EventStore.class);
            CaseKeyVault vault = app.bean(CaseKeyVault.class);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                DomainEventMessage<?> last = lastEvent(events, closedCase.caseId());
                assertThat(last.getPayload()).isInstanceOf(CasePersonalDataErased.class);
                // the justification is sealed with the key the erasure destroyed: the event keeps who and when
                var justification = ((CasePersonalDataErased) last.getPayload()).justification();
                assertThat(justification.isPlain()).isFalse();
                assertThat(vault.openText(closedCase.caseId(), justification)).isEmpty();
                assertThat(last.getMetaData().get(MetaDataKeys.ROLE)).isEqualTo(Role.SYSTEM.name());
            });
            var sealed = ((CaseRegistered) events.readEvents(closedCase.caseId()).next().getPayload()).personalData();
            assertThat(vault.open(sealed)).isEmpty();
            // the sweeper logs once the erasing command has returned, a moment after the event is visible here
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll())
                    .contains("retention: personal data of case " + closedCase.caseId() + " erased"));

            assertThat(lastEvent(events, openCase.caseId()).getPayload()).isNotInstanceOf(CasePersonalDataErased.class);
            var openSealed = ((CaseRegistered) events.readEvents(openCase.caseId()).next().getPayload()).personalData();
            assertThat(vault.open(openSealed)).contains(openCase.person());
        }
    }

    private static DomainEventMessage<?> lastEvent(EventStore events, String aggregateId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        events.readEvents(aggregateId).forEachRemaining(all::add);
        return all.get(all.size() - 1);
    }
}
