package org.referrals.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Test;
import org.referrals.infra.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** In the running application: the projections wait on the commit signal, and Axon's metrics are the lean ones. */
class MessagingWiringTest extends ApiTest {

    @Autowired
    CommitSignal signal;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    GlobalMetricRegistry metrics;

    @Test
    void everyPooledProcessorsStreamListensForCommits() {
        long pooled = processing.eventProcessors().values().stream()
                                .filter(PooledStreamingEventProcessor.class::isInstance).count();
        assertThat(pooled).isGreaterThanOrEqualTo(4);
        // one stream per processor, opened by its coordinator once it started
        await().atMost(Duration.ofSeconds(10)).until(() -> signal.listeners() == pooled);
    }

    @Test
    void noMonitorKeepsAWindowOfMessages() {
        assertThat(metrics).isInstanceOf(LeanMetricRegistry.class);
        assertThat(metrics.getRegistry().getMeters()).extracting(meter -> meter.getId().getName())
                .contains("commandBus.successTimer", "referrals.successTimer")
                // Axon names it <component>.capacity; jvm.buffer.total.capacity is the JVM's
                .noneMatch(name -> name.endsWith(".capacity") && !name.startsWith("jvm."));
    }
}
