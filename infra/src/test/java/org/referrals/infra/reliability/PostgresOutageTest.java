package org.referrals.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.PostgresSchema;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.TcpProxy;
import org.springframework.http.HttpMethod;

/**
 * The event store unreachable (issue 9, item 3, second half): PostgreSQL, reached through a proxy that the test
 * cuts, goes away; a command answers 503 and writes nothing, health says so, and once the connection is restored
 * commands succeed again without a restart.
 */
class PostgresOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void commandsAnswer503WhileTheEventStoreIsUnreachableAndWorkWhenItReturns() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outage"); TcpProxy proxy = TcpProxy.to(5432);
             var app = RunningApplication.start(dataDir,
                     "referrals.eventstore.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?currentSchema=" + schema.name(),
                     "referrals.eventstore.user=postgres", "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            // a command waits up to the pool's 5-second connection timeout during the outage
            ApiClient api = new ApiClient(app.web().mutate().responseTimeout(Duration.ofSeconds(30)).build());
            var parties = api.parties("po", ServiceCategory.LEGAL_AID);
            String caseId = api.caseOf(parties.referrerKey());
            api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID);
            long stored = events(schema);

            proxy.cut();

            api.post("/api/referrals", parties.referrerKey(), ApiClient.referralBody(caseId, parties.receiver(), ServiceCategory.LEGAL_AID))
               .expectStatus().isEqualTo(503).expectBody().jsonPath("$.type").isEqualTo("/problems/unavailable");
            assertThat(events(schema)).as("nothing written").isEqualTo(stored);
            api.call(HttpMethod.GET, "/actuator/health", null, null).expectStatus().isEqualTo(503);
            api.call(HttpMethod.GET, "/actuator/health/readiness", null, null).expectStatus().isEqualTo(503);
            api.call(HttpMethod.GET, "/actuator/health/liveness", null, null).expectStatus().isOk();

            proxy.restore();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    api.post("/api/referrals", parties.referrerKey(), ApiClient.referralBody(caseId, parties.receiver(), ServiceCategory.LEGAL_AID))
                       .expectStatus().isCreated());
            assertThat(events(schema)).isEqualTo(stored + 1);
            api.call(HttpMethod.GET, "/actuator/health/readiness", null, null).expectStatus().isOk();
            api.call(HttpMethod.GET, "/actuator/health", null, null).expectStatus().isOk();
        }
    }

    /** Events in the store, counted over a connection of its own (not through the proxy). */
    private static long events(PostgresSchema schema) throws Exception {
        try (Connection connection = schema.connect();
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM " + schema.name() + ".DomainEventEntry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
