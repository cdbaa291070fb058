package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Hardening on the embedded defaults: security headers everywhere, 413 above the body limit, CORS closed. */
class SecurityHeadersApiTest extends ApiTest {

    private static void hardened(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void answersWithPersonalDataAreNotStoredAndEveryAnswerCarriesTheSecurityHeaders() {
        var parties = api.parties("hd", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                hardened(api.call(HttpMethod.GET, "/api/cases/" + caseId, parties.referrerKey(), null).expectStatus().isOk()));
        hardened(api.call(HttpMethod.GET, "/api/cases/" + caseId, null, null).expectStatus().isUnauthorized());
        hardened(api.call(HttpMethod.GET, "/api/cases/" + caseId, "wrong.key", null).expectStatus().isUnauthorized());
        hardened(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk());
    }

    @Test
    void aBodyAboveTheLimitAnswers413AndWritesNothing() {
        String agentKey = api.parties("big", ServiceCategory.LEGAL_AID).referrerKey();
        long before = eventCount();
        String huge = "x".repeat(300 * 1024);
        hardened(web.post().uri("/api/cases").header("X-API-Key", agentKey).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("person", Map.of("givenName", huge))).exchange()
                    .expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void corsIsClosedByDefault() {
        web.options().uri("/api/partners").header("Origin", "https://evil.example.org")
           .header("Access-Control-Request-Method", "GET").exchange()
           .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        web.get().uri("/api/partners").header("Origin", "https://evil.example.org").header("X-API-Key", api.coordinatorKey())
           .exchange().expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
