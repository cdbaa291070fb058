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
 * MongoDB unreachable (issue 9, item 3, first half): in external-MongoDB mode the server goes away; commands still
 * succeed (the event store is separate, and API keys are checked against it), queries and health answer 503, and
 * once a MongoDB is back the processors catch up and the referral made meanwhile is there.
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

            mongo.shutdown();

            // commands go on (each answered 201 by refer): referrals made and answered during the outage
            List<String> madeDuring = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String made = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
                api.act(parties.receiverKey(), made, "accept", Map.of());
                madeDuring.add(made);
            }
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
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    api.call(HttpMethod.GET, "/api/referrals/" + before, parties.referrerKey(), null).expectStatus().isOk();
                    for (String made : madeDuring) {
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
}
