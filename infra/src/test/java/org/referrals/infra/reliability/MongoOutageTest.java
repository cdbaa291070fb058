package org.referrals.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.AppProcess;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;

/**
 * MongoDB unreachable (issue 9, item 3, first half): in external-MongoDB mode the server goes away while four clients
 * make and accept referrals; their commands still succeed (the event store is separate, and API keys are checked
 * against it), queries and health answer 503, and once a MongoDB is back the processors catch up and every referral
 * acknowledged before, during and after the outage is there, accepted.
 */
class MongoOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void commandsGoOnQueriesAnswer503AndTheReadModelsCatchUpWhenMongoReturns() throws Exception {
        int port = AppProcess.freePort();
        // a MongoDB of its own that keeps its data in a file, as a real one keeps it across a restart
        Path file = dataDir.resolve("external-mongo.mv.db");
        MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind("127.0.0.1", port);
        try (var app = RunningApplication.start(dataDir, "referrals.mongodb.uri=mongodb://127.0.0.1:" + port,
                                                "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            // a query waits up to the 5-second server selection timeout during the outage
            ApiClient api = new ApiClient(app.web().mutate().responseTimeout(Duration.ofSeconds(30)).build());
            var parties = api.parties("mo", ServiceCategory.LEGAL_AID);
            String caseId = api.caseOf(parties.referrerKey());
            String before = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    api.call(HttpMethod.GET, "/api/referrals/" + before, parties.referrerKey(), null).expectStatus().isOk());
            Load load = new Load(api, parties, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted.size() >= 8);

            mongo.shutdown(); // mid-load

            // commands go on: referrals made and accepted by the same clients while MongoDB is away
            int atStop = load.accepted.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted.size() >= atStop + 8 || !load.failures.isEmpty());
            assertThat(load.failures).as("every command answered as usual while MongoDB is away").isEmpty();
            List<String> madeDuring = load.since(atStop);
            String during = madeDuring.get(0);
            api.call(HttpMethod.GET, "/api/referrals/" + during, parties.referrerKey(), null)
               .expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "5")
               .expectBody().jsonPath("$.type").isEqualTo("/problems/unavailable");
            api.call(HttpMethod.GET, "/actuator/health", null, null).expectStatus().isEqualTo(503);
            api.call(HttpMethod.GET, "/actuator/health/readiness", null, null).expectStatus().isEqualTo(503);
            api.call(HttpMethod.GET, "/actuator/health/liveness", null, null).expectStatus().isOk();

            MongoServer back = new MongoServer(new H2Backend(file.toString()));
            back.bind("127.0.0.1", port);
            try {
                int atReturn = load.accepted.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted.size() >= atReturn + 8 || !load.failures.isEmpty());
                List<String> acknowledged = load.stop();
                assertThat(load.failures).as("every command answered as usual, before, during and after the outage").isEmpty();
                assertThat(madeDuring).as("made and accepted while MongoDB was away").hasSizeGreaterThanOrEqualTo(8);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    api.call(HttpMethod.GET, "/api/referrals/" + before, parties.referrerKey(), null).expectStatus().isOk();
                    for (String made : acknowledged) {
                        api.call(HttpMethod.GET, "/api/referrals/" + made, parties.referrerKey(), null).expectStatus().isOk()
                           .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
                    }
                });
                api.call(HttpMethod.GET, "/actuator/health/readiness", null, null).expectStatus().isOk();
                api.call(HttpMethod.GET, "/actuator/health", null, null).expectStatus().isOk();
            } finally {
                back.shutdownNow();
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    /** Clients that each make referrals on a case of their own and accept them, until stopped. */
    private static final class Load {

        final List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        private final List<Thread> clients = new ArrayList<>();

        Load(ApiClient api, ApiClient.Parties parties, int count) {
            for (int i = 0; i < count; i++) {
                String caseId = api.caseOf(parties.referrerKey());
                Thread client = new Thread(() -> {
                    try {
                        while (!stopped.get()) {
                            String made = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
                            api.act(parties.receiverKey(), made, "accept", Map.of());
                            accepted.add(made);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "mongo-outage-client-" + i);
                client.start();
                clients.add(client);
            }
        }

        List<String> since(int first) {
            synchronized (accepted) {
                return List.copyOf(accepted.subList(first, accepted.size()));
            }
        }

        /** Stops the clients and answers the referrals made and accepted, each acknowledged. */
        List<String> stop() throws InterruptedException {
            stopped.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            return since(0);
        }
    }
}
