package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.common.Role;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Idempotency keys and the generated admin key outlive the process. */
class IdempotencyRestartTest {

    @TempDir
    Path dataDir;

    private static ApiClient client(RunningApplication app) {
        String port = app.context().getEnvironment().getProperty("local.server.port");
        return new ApiClient(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
    }

    @Test
    void aRepeatAfterARestartIsStillRecognisedAndTheGeneratedAdminKeyStillWorks() throws Exception {
        Path adminKeyFile = dataDir.resolve("admin-api-key");
        String firstAnswer;
        String coordinator;
        try (var app = RunningApplication.start(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKeyFile))).isEqualTo("rw-------");
            String adminKey = Files.readString(adminKeyFile).trim();
            var api = client(app);
            coordinator = api.post("/api/admin/api-keys", adminKey, Map.of("role", Role.COORDINATOR.name(), "label", "c"))
                             .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                             .get("key").toString();
            firstAnswer = api.post("/api/partners", coordinator, Samples.partner("ngo-restart"), "Idempotency-Key", "p-1")
                             .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        }
        try (var app = RunningApplication.start(dataDir)) {
            var api = client(app);
            String repeat = api.post("/api/partners", coordinator, Samples.partner("ngo-restart"), "Idempotency-Key", "p-1")
                               .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
            assertThat(repeat).isEqualTo(firstAnswer);
            api.post("/api/partners", coordinator, Samples.partner("ngo-other"), "Idempotency-Key", "p-1")
               .expectStatus().isEqualTo(422);
            String adminKey = Files.readString(adminKeyFile).trim();
            api.post("/api/admin/api-keys", adminKey, Map.of("role", Role.ANALYST.name(), "label", "a"))
               .expectStatus().isCreated();
            var jdbc = app.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = 'ngo-restart'",
                                           Integer.class)).isEqualTo(1);
        }
    }
}
