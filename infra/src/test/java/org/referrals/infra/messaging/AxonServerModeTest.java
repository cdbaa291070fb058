package org.referrals.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;

/** With Axon Server configured, its connector provides the event store and the JDBC engine steps aside. */
class AxonServerModeTest {

    @TempDir
    Path dataDir;

    @Test
    void configuredServersSwitchTheEventStoreToAxonServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nobody listens there once closed: no Axon Server is needed
        }
        // tracking processors start in the background; pooled ones would need the (absent) server to start
        try (var app = RunningApplication.start(dataDir, "axon.axonserver.servers=127.0.0.1:" + closedPort,
                                                "referrals.projections.pooled=false")) {
            assertThat(app.bean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.context().getBeansOfType(EventStorageEngine.class).values())
                    .noneMatch(engine -> engine.getClass().getName().contains("Jdbc"));
            // the SQLite file holds the case keys only: a backup of it would not hold the events
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.bean(org.referrals.infra.backup.BackupController.class).backup())
                    .isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class,
                                            refused -> {
                                                assertThat(refused.getStatusCode().value()).isEqualTo(409);
                                                assertThat(refused.getBody().getType()).hasToString("/problems/backup-not-embedded");
                                            });
        }
    }
}
