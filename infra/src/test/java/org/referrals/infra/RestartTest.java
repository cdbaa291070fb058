package org.referrals.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.SuspendPartner;
import org.referrals.infra.crypto.CaseKeyVault;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;

/** What one application context wrote is there for the next one started on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsAndCaseKeysSurviveARestart() {
        RegisterCase registerCase = Samples.caseWithConsentForAnything();
        try (var first = RunningApplication.start(dataDir)) {
            first.send(Samples.partner("ngo-restart"), COORDINATOR);
            first.send(registerCase, Actor.partnerAgent("key-agent", "ngo-restart"));
        }

        try (var second = RunningApplication.start(dataDir)) {
            EventStore eventStore = second.bean(EventStore.class);
            List<Object> partnerEvents = eventStore.readEvents("ngo-restart").asStream().map(EventMessage::getPayload)
                                                   .map(Object.class::cast).toList();
            assertThat(partnerEvents).hasSize(1).first().isInstanceOf(PartnerRegistered.class);

            var registered = (CaseRegistered) eventStore.readEvents(registerCase.caseId()).next().getPayload();
            assertThat(second.bean(CaseKeyVault.class).open(registered.personalData())).contains(registerCase.person());

            // the aggregate is rebuilt from the stored events: a new command sees its state
            second.send(new SuspendPartner("ngo-restart", "after restart"), COORDINATOR);
            assertThat(eventStore.readEvents("ngo-restart").asStream().count()).isEqualTo(2);
        }
    }
}
