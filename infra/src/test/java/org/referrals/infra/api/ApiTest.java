package org.referrals.infra.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP tests against the running application on its embedded defaults. All subclasses share one application
 * (one Spring test context), so each test makes partners and cases with unique ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void application(DynamicPropertyRegistry registry) {
        registry.add("referrals.data-dir", DATA_DIR::toString);
        registry.add("referrals.bootstrap-admin-key", () -> ApiClient.ADMIN_KEY);
        // at the end of the test JVM nothing needs draining; a graceful stop sometimes waited 30 s for a connection
        registry.add("server.shutdown", () -> "immediate");
        // tests present wrong keys on purpose; the throttle itself is tested apart (HttpLimitsTest)
        registry.add("referrals.http.failed-auth-limit", () -> "100000");
        // a plan is expected within 30 days in use; here within seconds, so that a case can be seen overdue
        registry.add("referrals.plans.expected-within", () -> "PT3S");
    }

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(web);
    }

    /** Waits until no projection is rebuilding or behind, so a test that rebuilt one leaves nothing in motion. */
    @SuppressWarnings("unchecked")
    protected void awaitProjectionsIdle() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            java.util.List<java.util.Map<String, Object>> statuses = web.get().uri("/api/admin/projections")
                    .header("X-API-Key", ApiClient.ADMIN_KEY).exchange().expectStatus().isOk()
                    .expectBody(java.util.List.class).returnResult().getResponseBody();
            return statuses.stream().allMatch(s -> Boolean.FALSE.equals(s.get("rebuilding"))
                    && ((Number) s.get("lag")).longValue() == 0);
        });
    }

    /** All events in the event store, to show that a refused request wrote nothing. */
    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    protected long eventCount(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                                   aggregateId);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("referrals-api-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
