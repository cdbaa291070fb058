package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.springframework.http.HttpMethod;

class ApiKeysApiTest extends ApiTest {

    @Test
    void aRevokedKeyFailsFromTheVeryNextRequest() {
        String analyst = api.key(Role.ANALYST, null);
        String analystId = analyst.substring(3, analyst.indexOf('.'));
        api.call(HttpMethod.GET, "/api/partners/nobody-here", analyst, null).expectStatus().isNotFound();

        api.call(HttpMethod.DELETE, "/api/admin/api-keys/" + analystId, ApiClient.ADMIN_KEY, null).expectStatus().isNoContent();
        api.call(HttpMethod.GET, "/api/partners/nobody-here", analyst, null).expectStatus().isUnauthorized();
        api.call(HttpMethod.DELETE, "/api/admin/api-keys/" + analystId, ApiClient.ADMIN_KEY, null)
           .expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.currentStatus").isEqualTo("REVOKED");
    }

    @Test
    void aNewKeyWorksAtOnceAndOnlyItsSaltedHashIsStored() {
        var issued = api.post("/api/admin/api-keys", ApiClient.ADMIN_KEY, Map.of("role", "COORDINATOR", "label", "unit"))
                        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String key = issued.get("key").toString();
        String secret = key.substring(key.indexOf('.') + 1);
        api.post("/api/partners", key, org.referrals.infra.support.Samples.partner("keyed-" + issued.get("id")))
           .expectStatus().isCreated();
        String stored = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                                            String.class, issued.get("id"));
        assertThat(stored).contains("\"hash\"", "\"salt\"").doesNotContain(secret);
    }

    @Test
    void keysAreForAdminsOnlyAndAgentKeysNeedARegisteredPartner() {
        String coordinator = api.coordinatorKey();
        api.post("/api/admin/api-keys", coordinator, Map.of("role", "ANALYST", "label", "x")).expectStatus().isForbidden();
        api.call(HttpMethod.DELETE, "/api/admin/api-keys/whatever", coordinator, null).expectStatus().isForbidden();
        api.post("/api/admin/api-keys", ApiClient.ADMIN_KEY, Map.of("role", "PARTNER_AGENT", "partnerId", "no-such-partner", "label", "x"))
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("PARTNER_UNKNOWN");
        api.post("/api/admin/api-keys", ApiClient.ADMIN_KEY, Map.of("role", "PARTNER_AGENT", "label", "x"))
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("API_KEY_ROLE_MISMATCH");
        api.call(HttpMethod.DELETE, "/api/admin/api-keys/unknown-key", ApiClient.ADMIN_KEY, null).expectStatus().isNotFound();
    }

    @Test
    void aRepeatedKeyIssueCannotShowTheSecretAgain() {
        var first = api.post("/api/admin/api-keys", ApiClient.ADMIN_KEY, Map.of("role", "ANALYST", "label", "once"),
                             "Idempotency-Key", "issue-once").expectStatus().isCreated()
                       .expectBody(Map.class).returnResult().getResponseBody();
        api.post("/api/admin/api-keys", ApiClient.ADMIN_KEY, Map.of("role", "ANALYST", "label", "once"),
                 "Idempotency-Key", "issue-once")
           .expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotent-secret")
           .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(first.get("id").toString()));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        String docs = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                         .expectBody(String.class).returnResult().getResponseBody();
        assertThat(docs).contains("/api/admin/api-keys", "/api/admin/api-keys/{keyId}", "/api/partners",
                                  "/api/partners/{partnerId}/services", "/api/partners/{partnerId}/suspend",
                                  "/api/partners/{partnerId}/reactivate", "/api/partnerships", "/api/cases",
                                  "/api/cases/{caseId}/consents", "/api/cases/{caseId}/consents/{consentId}/withdraw",
                                  "/api/cases/{caseId}/close", "/api/referrals", "/api/referrals/{referralId}/{action}",
                                  "/api/referrals/{referralId}/redirect", "/api/referrals/{referralId}",
                                  "/api/partners/{partnerId}", "application/problem+json", "Roles:", "X-API-Key",
                                  // the network map's answer is written from kept bytes; its schema is still the map's
                                  "#/components/schemas/NetworkMap");
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void revokingAnIdThatIsAnotherKindOfAggregatesIsNotFound() {
        String partner = api.partner("not-a-key");
        long before = eventCount();
        api.call(org.springframework.http.HttpMethod.DELETE, "/api/admin/api-keys/" + partner, ApiClient.ADMIN_KEY, null)
           .expectStatus().isNotFound().expectHeader().contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(eventCount()).isEqualTo(before);
    }
}
