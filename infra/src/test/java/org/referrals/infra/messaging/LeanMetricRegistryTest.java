package org.referrals.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Test;

/** The lean registry measures what Axon's does, except the capacity monitors and their 10-minute windows. */
class LeanMetricRegistryTest {

    @Test
    void processorsAndBusesAreTimedAndCountedWithoutCapacityMonitors() {
        SimpleMeterRegistry lean = new SimpleMeterRegistry();
        SimpleMeterRegistry axon = new SimpleMeterRegistry();
        handle(new LeanMetricRegistry(lean));
        handle(new GlobalMetricRegistry(axon));

        assertThat(names(axon)).anyMatch(name -> name.endsWith(".capacity"));
        assertThat(names(lean)).noneMatch(name -> name.endsWith(".capacity"))
                .containsAll(names(axon).stream().filter(name -> !name.endsWith(".capacity")).toList());
        assertThat(lean.find("referrals.successTimer").timer().count()).isEqualTo(3);
        assertThat(lean.find("commandBus.successTimer").timer().count()).isEqualTo(1);
        assertThat(lean.find("referrals.successCounter").counter().count()).isEqualTo(3);
    }

    private static void handle(GlobalMetricRegistry registry) {
        var processor = registry.registerEventProcessor("referrals");
        for (int i = 0; i < 3; i++) {
            processor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i)).reportSuccess();
        }
        registry.registerCommandBus("commandBus").onMessageIngested(GenericCommandMessage.asCommandMessage("command"))
                .reportSuccess();
        registry.registerQueryBus("queryBus");
    }

    private static List<String> names(SimpleMeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
    }
}
