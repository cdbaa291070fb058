package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.referrals.infra.api.ApiClient.IF_MATCH;
import static org.referrals.infra.api.ApiClient.ifMatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ReferralView;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** One referral from request to close over HTTP, and every class of refusal, each writing nothing. */
class ReferralLifecycleApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    @Test
    void aReferralGoesFromRequestToCloseAndTheReadModelFollowsWithinASecond() {
        var parties = api.parties("ngo", CARE);
        String ngo = parties.referrer();
        String clinic = parties.receiver();
        String ngoAgent = parties.referrerKey();
        String clinicAgent = parties.receiverKey();
        String caseId = api.caseOf(ngoAgent);

        ReferralResult requested = api.refer(ngoAgent, caseId, clinic, CARE);
        assertThat(requested.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(requested.version()).isZero();
        String id = requested.referralId();
        awaitView(ngoAgent, id, ReferralStatus.REQUESTED, 0);

        assertThat(api.act(clinicAgent, id, "accept", Map.of("note", "we can see her on Monday")).status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(api.act(clinicAgent, id, "start", Map.of()).status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(api.act(ngoAgent, id, "notes", Map.of("note", "client asked about transport")).version()).isEqualTo(3);
        assertThat(api.act(clinicAgent, id, "deliver", Map.of("outcome", "SERVICE_PROVIDED")).status()).isEqualTo(ReferralStatus.DELIVERED);
        ReferralResult closed = api.act(ngoAgent, id, "close", Map.of("closureReason", "NEED_MET"));
        assertThat(closed).isEqualTo(new ReferralResult(id, ReferralStatus.CLOSED, 5));

        ReferralView view = awaitView(clinicAgent, id, ReferralStatus.CLOSED, 5);
        assertThat(view.caseId()).isEqualTo(caseId);
        assertThat(view.fromPartnerId()).isEqualTo(ngo);
        assertThat(view.toPartnerId()).isEqualTo(clinic);
        assertThat(view.respondBy()).isEqualTo(view.createdAt().plus(Duration.ofHours(72)));
        assertThat(view.overdue()).isFalse();
        assertThat(eventCount(id)).isEqualTo(6);
    }

    @Test
    void everyEventCarriesTheCallerAndACorrelationIdFromTheRequest() {
        String ngo = api.partner("ngo");
        String clinic = api.partner("clinic", CARE);
        String ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
        String caseId = api.caseOf(ngoAgent);
        String id = api.post("/api/referrals", ngoAgent, ApiClient.referralBody(caseId, clinic, CARE),
                             "X-Correlation-Id", "corr-42", "Idempotency-Key", "k-1")
                       .expectStatus().isCreated().expectBody(ReferralResult.class).returnResult().getResponseBody()
                       .referralId();
        String metaData = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                                              String.class, id);
        assertThat(metaData).contains("\"partnerId\":\"" + ngo + "\"", "\"role\":\"PARTNER_AGENT\"",
                                      "\"correlationId\":\"corr-42\"", "\"idempotencyKey\":\"k-1\"", "\"userId\":\"");
    }

    @Test
    void aRequestWithoutOrWithAWrongKeyIs401AndWritesNothing() {
        long before = eventCount();
        api.post("/api/partners", null, Map.of()).expectStatus().isUnauthorized()
           .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.status").isEqualTo(401);
        api.post("/api/partners", "rk_0000000000000000.not-the-secret", Map.of()).expectStatus().isUnauthorized();
        api.post("/api/partners", "garbage", Map.of()).expectStatus().isUnauthorized();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRoleThatMayNotActIs403() {
        String analyst = api.key(Role.ANALYST, null);
        long before = eventCount();
        api.post("/api/partners", analyst, org.referrals.infra.support.Samples.partner("nope-analyst"))
           .expectStatus().isForbidden()
           .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        api.post("/api/admin/api-keys", api.coordinatorKey(), Map.of("role", "ADMIN", "label", "x"))
           .expectStatus().isForbidden();
        assertThat(eventCount()).isEqualTo(before + 1); // the coordinator key issued above
    }

    @Test
    void anotherPartnersReferralIs404LikeOneThatDoesNotExist() {
        String ngo = api.partner("ngo");
        String clinic = api.partner("clinic", CARE);
        String stranger = api.key(Role.PARTNER_AGENT, api.partner("stranger"));
        String ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
        String id = api.refer(ngoAgent, api.caseOf(ngoAgent), clinic, CARE).referralId();
        long before = eventCount();

        var hidden = api.post("/api/referrals/" + id + "/accept", stranger, null).expectStatus().isNotFound()
                        .expectBody(String.class).returnResult().getResponseBody();
        var missing = api.post("/api/referrals/" + java.util.UUID.randomUUID() + "/accept", stranger, null)
                         .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(hidden.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(missing.replaceAll("\"instance\":\"[^\"]*\"", ""));
        api.call(HttpMethod.GET, "/api/referrals/" + id, stranger, null).expectStatus().isNotFound();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anIllegalTransitionIs409NamingTheCurrentStatus() {
        var referral = requestedReferral();
        api.act(referral.receiverKey, referral.id, "decline", Map.of("reasonCode", "NO_CAPACITY", "note", "full"));
        long before = eventCount();
        api.post("/api/referrals/" + referral.id + "/start", referral.receiverKey, null)
           .expectStatus().isEqualTo(409)
           .expectBody()
           .jsonPath("$.type").isEqualTo("/problems/illegal-transition")
           .jsonPath("$.currentStatus").isEqualTo("DECLINED")
           .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("DECLINED"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRefusedBusinessRuleIs409WithATypeNamingTheRule() {
        String ngo = api.partner("ngo");
        String legal = api.partner("legal", ServiceCategory.LEGAL_AID);
        String ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
        String caseId = api.caseOf(ngoAgent);
        long before = eventCount();
        api.post("/api/referrals", ngoAgent, ApiClient.referralBody(caseId, legal, CARE))
           .expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.type").isEqualTo("/problems/rule/category-not-offered")
           .jsonPath("$.rule").isEqualTo("CATEGORY_NOT_OFFERED");
        api.post("/api/partners/" + legal + "/suspend", api.coordinatorKey(), Map.of("reason", "audit"))
           .expectStatus().isOk();
        before = eventCount();
        api.post("/api/referrals", ngoAgent, ApiClient.referralBody(caseId, legal, ServiceCategory.LEGAL_AID))
           .expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.type").isEqualTo("/problems/rule/partner-suspended");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOutdatedIfMatchIs412() {
        var referral = requestedReferral();
        api.act(referral.receiverKey, referral.id, "accept", Map.of());
        long before = eventCount();
        api.post("/api/referrals/" + referral.id + "/start", referral.receiverKey, null, IF_MATCH, ifMatch(0))
           .expectStatus().isEqualTo(412)
           .expectBody().jsonPath("$.type").isEqualTo("/problems/version-mismatch")
           .jsonPath("$.currentVersion").isEqualTo(1);
        assertThat(eventCount()).isEqualTo(before);
        api.post("/api/referrals/" + referral.id + "/start", referral.receiverKey, null, IF_MATCH, ifMatch(1))
           .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        api.post("/api/referrals/" + referral.id + "/hold", referral.receiverKey, null, IF_MATCH, "yesterday")
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void badInputIs400WithFieldErrorsAndWritesNothing() {
        var referral = requestedReferral();
        String coordinator = api.coordinatorKey();
        long before = eventCount();
        // malformed JSON
        api.web().post().uri("/api/partners").header("X-API-Key", coordinator).contentType(MediaType.APPLICATION_JSON)
           .bodyValue("{\"partnerId\": \"x\",").exchange()
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").exists();
        // unknown enum value
        var partner = new java.util.HashMap<String, Object>(Map.of("partnerId", "enum-test", "name", "n", "kind", "CHARITY",
                "country", "MA", "regions", List.of(), "languages", List.of(), "contactEmail", "a@b.org", "services", List.of()));
        api.post("/api/partners", coordinator, partner).expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind")
           .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("NGO"));
        // missing fields, over-long text, bad id
        api.post("/api/partners", coordinator, Map.of("partnerId", "Bad Id!", "name", "n".repeat(201)))
           .expectStatus().isBadRequest()
           .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.errors[?(@.field == 'partnerId')]").exists()
           .jsonPath("$.errors[?(@.field == 'name')]").exists()
           .jsonPath("$.errors[?(@.field == 'kind')]").exists();
        api.post("/api/referrals/" + referral.id + "/notes", referral.referrerKey, Map.of("note", "x".repeat(4001)))
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        api.post("/api/referrals/" + referral.id + "/decline", referral.receiverKey, Map.of("reasonCode", "BORED"))
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        api.post("/api/referrals/not-a-referral/accept", referral.receiverKey, null)
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("referralId");
        api.post("/api/referrals/" + referral.id + "/dance", referral.receiverKey, null).expectStatus().isNotFound();
        api.post("/api/cases", referral.referrerKey, Map.of("person", Map.of("givenName", "A", "dateOfBirth", "not a date")))
           .expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("person.dateOfBirth")
           .jsonPath("$").value(body -> assertThat(body.toString()).doesNotContain("Exception", "at org."));
        assertThat(eventCount()).isEqualTo(before);
    }

    private record Requested(String id, String referrerKey, String receiverKey) {
    }

    private Requested requestedReferral() {
        var parties = api.parties("ngo", CARE);
        String id = api.refer(parties.referrerKey(), api.caseOf(parties.referrerKey()), parties.receiver(), CARE).referralId();
        return new Requested(id, parties.referrerKey(), parties.receiverKey());
    }

    private ReferralView awaitView(String key, String id, ReferralStatus status, long version) {
        ReferralView[] seen = new ReferralView[1];
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            seen[0] = api.call(HttpMethod.GET, "/api/referrals/" + id, key, null)
                         .expectStatus().isOk().expectBody(ReferralView.class).returnResult().getResponseBody();
            assertThat(seen[0].status()).isEqualTo(status);
            assertThat(seen[0].version()).isEqualTo(version);
        });
        return seen[0];
    }
}
