package org.referrals.infra.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The configurable limits, on an application of their own: the failed-authentication throttle (429 after the limit,
 * even for a good key), CORS opened to one origin, and a small body limit also for bodies without Content-Length.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpLimitsTest {

    private static final String ADMIN_KEY = "limits-test-admin-key";
    private static final String DASHBOARD = "https://dashboard.example.org";

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static WebTestClient web;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ADMIN_KEY,
                                       "referrals.http.failed-auth-limit=3", "referrals.http.failed-auth-window=1m",
                                       "referrals.http.cors-allowed-origins=" + DASHBOARD,
                                       "referrals.http.max-body-size=1KB");
        web = app.web();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void corsIsOpenToTheConfiguredOriginOnly() {
        web.options().uri("/api/partners").header("Origin", DASHBOARD).header("Access-Control-Request-Method", "GET")
           .header("Access-Control-Request-Headers", "X-API-Key").exchange()
           .expectStatus().isOk()
           .expectHeader().valueEquals("Access-Control-Allow-Origin", DASHBOARD);
        web.get().uri("/api/partners").header("Origin", DASHBOARD).header("X-API-Key", ADMIN_KEY).exchange()
           .expectStatus().isOk().expectHeader().valueEquals("Access-Control-Allow-Origin", DASHBOARD);
        web.options().uri("/api/partners").header("Origin", "https://evil.example.org")
           .header("Access-Control-Request-Method", "GET").exchange()
           .expectStatus().isForbidden().expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void aStreamedBodyAboveTheLimitAnswers413() {
        DataBuffer chunk = DefaultDataBufferFactory.sharedInstance.wrap(("{\"label\":\"" + "x".repeat(600)).getBytes(StandardCharsets.UTF_8));
        DataBuffer rest = DefaultDataBufferFactory.sharedInstance.wrap(("x".repeat(600) + "\"}").getBytes(StandardCharsets.UTF_8));
        web.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
           .body(Flux.just(chunk, rest), DataBuffer.class).exchange()
           .expectStatus().isEqualTo(413);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it blocks 127.0.0.1 for the rest of the window
    void repeatedFailedAuthenticationIsSlowedDown() {
        for (int attempt = 0; attempt < 3; attempt++) {
            web.get().uri("/api/partners").header("X-API-Key", "guessed.key" + attempt).exchange().expectStatus().isUnauthorized();
        }
        web.get().uri("/api/partners").header("X-API-Key", "guessed.key").exchange()
           .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
           .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/partners").header("X-API-Key", ADMIN_KEY).exchange().expectStatus().isEqualTo(429);
    }
}
