package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.infra.support.RunningApplication;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A projection that fails on one event parks it (and the later events of that referral) in the dead-letter queue in
 * MongoDB and goes on with every other referral; an operator lists, retries and evicts over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first counts every parked sequence of a fresh application
class DeadLettersApiTest {

    /** Referrals whose acceptance the referrals projection cannot handle, as a bug in a handler would. */
    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static ApiClient api;

    /** Part of the referrals projection's processing group, so it fails that projection for the poisoned referrals. */
    @Component
    @ProcessingGroup("referrals")
    static class PoisonedHandler {
        @EventHandler
        void on(ReferralAccepted event) {
            if (POISONED.contains(event.referralId())) {
                throw new IllegalStateException("cannot project this acceptance (test)");
            }
        }
    }

    @BeforeAll
    static void start() {
        app = RunningApplication.startWith(dataDir, List.of(PoisonedHandler.class),
                                           "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY);
        api = new ApiClient(app.web());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aPoisonEventIsParkedWithItsReferralsLaterEventsWhileOtherReferralsGoOnThenRetriedOrEvicted() {
        var parties = api.parties("dl", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String poisoned = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
        String healthy = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
        String evicted = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
        POISONED.addAll(List.of(poisoned, evicted));

        api.act(parties.receiverKey(), poisoned, "accept", Map.of());
        api.act(parties.receiverKey(), poisoned, "start", Map.of());
        api.act(parties.receiverKey(), healthy, "accept", Map.of());
        api.act(parties.receiverKey(), evicted, "accept", Map.of());
        api.act(parties.receiverKey(), evicted, "start", Map.of());

        // the other referral goes on; a poisoned one never gets past the failing event (the projection's own handler
        // may have applied the acceptance before the failing one threw: handlers are idempotent, a retry repeats it)
        awaitStatus(healthy, "ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters().size() == 2);
        assertThat(status(poisoned)).isIn("REQUESTED", "ACCEPTED");
        Map<String, Object> parked = deadLetters().stream().filter(letter -> poisoned.equals(letter.get("aggregateId")))
                                                  .findFirst().orElseThrow();
        assertThat(parked.get("projection")).isEqualTo("referrals");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> letters = (List<Map<String, Object>>) parked.get("letters");
        assertThat(letters).extracting(letter -> letter.get("eventType")).containsExactly("ReferralAccepted", "ServiceStarted");
        assertThat(letters.get(0).get("causeType")).isEqualTo(IllegalStateException.class.getName());
        assertThat(letters.get(0).get("causeMessage")).isEqualTo("cannot project this acceptance (test)");

        // still failing: a retry puts it back
        Map<String, Object> again = act(Map.of("projection", "referrals", "eventId", parked.get("eventId"), "action", "RETRY"));
        assertThat(again).containsEntry("handled", 0).containsEntry("remaining", 2);

        // the handler is mended: the retry hands over the whole sequence, in order
        POISONED.remove(poisoned);
        Map<String, Object> retried = act(Map.of("projection", "referrals", "eventId", parked.get("eventId"), "action", "RETRY"));
        assertThat(retried).containsEntry("handled", 1).containsEntry("remaining", 1);
        awaitStatus(poisoned, "IN_PROGRESS");

        String evictedHead = deadLetters().get(0).get("eventId").toString();
        assertThat(act(Map.of("projection", "referrals", "eventId", evictedHead, "action", "EVICT")))
                .containsEntry("handled", 1).containsEntry("remaining", 0);
        assertThat(deadLetters()).isEmpty();
        assertThat(status(evicted)).as("evicted events stay missing until a rebuild").isIn("REQUESTED", "ACCEPTED");
        POISONED.clear();
    }

    @Test
    @Order(2)
    void aRebuildClearsTheQueueAndParksAStillPoisonedEventAgainOnce() {
        var parties = api.parties("dr", ServiceCategory.HEALTH_CARE);
        String referral = api.refer(parties.referrerKey(), api.caseOf(parties.referrerKey()), parties.receiver(),
                                    ServiceCategory.HEALTH_CARE).referralId();
        POISONED.add(referral);
        api.act(parties.receiverKey(), referral, "accept", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedFor(referral) == 1);

        api.post("/api/admin/projections/referrals/rebuild", ApiClient.ADMIN_KEY, null).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var status = api.call(HttpMethod.GET, "/api/admin/projections", ApiClient.ADMIN_KEY, null).expectBody(LIST)
                            .returnResult().getResponseBody().stream().filter(p -> "referrals".equals(p.get("name")))
                            .findFirst().orElseThrow();
            return Boolean.FALSE.equals(status.get("rebuilding")) && ((Number) status.get("lag")).longValue() == 0;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedFor(referral) == 1);
        POISONED.remove(referral);
        String head = deadLetters().stream().filter(letter -> referral.equals(letter.get("aggregateId"))).findFirst()
                                   .orElseThrow().get("eventId").toString();
        act(Map.of("projection", "referrals", "eventId", head, "action", "RETRY"));
        assertThat(parkedFor(referral)).isZero();
        awaitStatus(referral, "ACCEPTED");
    }

    private static long parkedFor(String referralId) {
        return deadLetters().stream().filter(letter -> referralId.equals(letter.get("aggregateId"))).count();
    }

    @Test
    void badRequestsAreRefusedWithProblemsAndOnlyAdminsMayLookOrAct() {
        api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, Map.of("action", "RETRY")).expectStatus().isBadRequest()
           .expectHeader().contentType("application/problem+json");
        api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, Map.of("projection", "referrals", "action", "BURN"))
           .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, Map.of("projection", "referrals", "action", "EVICT"))
           .expectStatus().isBadRequest();
        api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, Map.of("projection", "no-such", "action", "RETRY"))
           .expectStatus().isNotFound();
        api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, Map.of("projection", "referrals", "eventId", "none", "action", "EVICT"))
           .expectStatus().isNotFound();
        String coordinator = api.key(Role.COORDINATOR, null);
        api.call(HttpMethod.GET, "/api/admin/dead-letters", coordinator, null).expectStatus().isForbidden();
        api.post("/api/admin/dead-letters", coordinator, Map.of("projection", "referrals", "action", "RETRY")).expectStatus().isForbidden();
    }

    private static List<Map<String, Object>> deadLetters() {
        return api.call(HttpMethod.GET, "/api/admin/dead-letters", ApiClient.ADMIN_KEY, null).expectStatus().isOk()
                  .expectBody(LIST).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> act(Map<String, Object> body) {
        return api.post("/api/admin/dead-letters", ApiClient.ADMIN_KEY, body).expectStatus().isOk()
                  .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String status(String referralId) {
        return api.call(HttpMethod.GET, "/api/referrals/" + referralId, api.coordinatorKey(), null).expectStatus().isOk()
                  .expectBody(Map.class).returnResult().getResponseBody().get("status").toString();
    }

    private static void awaitStatus(String referralId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var answer = api.call(HttpMethod.GET, "/api/referrals/" + referralId, api.coordinatorKey(), null)
                            .returnResult(Map.class);
            return answer.getStatus().value() == 200 && status.equals(answer.getResponseBody().blockFirst().get("status"));
        });
    }
}
