package org.referrals.infra.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ConsentOverride;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.ReferralView;
import org.referrals.api.referral.Timeline;
import org.referrals.api.referral.Urgency;
import org.referrals.infra.support.MutableClock;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The coordinators' escalation list on a known scenario, with time moved by the application's clock: which
 * referrals are on it, why, in which order and how long they waited; and a redirect end to end over HTTP, which
 * takes a declined referral off the list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the redirect takes a referral off the list the first test checks
class EscalationsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final String ADMIN_KEY = "escalations-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final MutableClock CLOCK = new MutableClock(T0);

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static WebTestClient web;
    private static String coordinatorKey;
    private static String referrerKey;

    private static final Actor NGO = Actor.partnerAgent("key-ngo", "ngo-esc");
    private static final Actor CLINIC = Actor.partnerAgent("key-clinic", "clinic-esc");
    private static String caseId;
    private static String overduePriority;
    private static String declined;
    private static String override;
    private static String routine;
    private static String expiredEmergency;
    private static String declinedThenRedirected;

    @BeforeAll
    static void scenario() {
        app = RunningApplication.start(dataDir, CLOCK, "referrals.bootstrap-admin-key=" + ADMIN_KEY,
                                       "referrals.deadlines.scan-interval=PT0.2S");
        web = app.web();
        app.send(Samples.partner("ngo-esc"), COORDINATOR);
        app.send(Samples.partner("clinic-esc", ServiceCategory.HEALTH_CARE, ServiceCategory.LEGAL_AID), COORDINATOR);
        app.send(Samples.partner("hospital-esc", ServiceCategory.HEALTH_CARE), COORDINATOR);
        coordinatorKey = key("COORDINATOR", null);
        referrerKey = key("PARTNER_AGENT", "ngo-esc");
        var registerCase = Samples.caseWithConsentForAnything();
        app.send(registerCase, NGO);
        caseId = registerCase.caseId();

        // T0
        overduePriority = refer(Urgency.PRIORITY);            // 72 h to answer
        declined = refer(Urgency.ROUTINE);
        routine = refer(Urgency.ROUTINE);                     // 7 days: not yet due
        expiredEmergency = refer(Urgency.EMERGENCY);          // 24 h, expires after 48 h
        declinedThenRedirected = refer(Urgency.ROUTINE);
        CLOCK.advance(Duration.ofHours(1));
        app.send(new DeclineReferral(declined, null, DeclineReason.NO_CAPACITY, "waiting list of six weeks"), CLINIC);
        CLOCK.advance(Duration.ofMinutes(30));
        app.send(new DeclineReferral(declinedThenRedirected, null, DeclineReason.OUT_OF_SERVICE_AREA, "we serve Oujda only"), CLINIC);
        CLOCK.advance(Duration.ofMinutes(30));
        // a case whose consent covers legal aid only: health care needs the coordinator's override
        var narrowConsent = new RegisterCase(UUID.randomUUID().toString(), Samples.person(), Set.of(), "MA", UUID.randomUUID().toString(),
                                             new ConsentTerms(LegalBasis.CONSENT, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        app.send(narrowConsent, NGO);
        override = UUID.randomUUID().toString();
        app.send(new MakeReferral(override, narrowConsent.caseId(), "clinic-esc", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                  "after return", new ConsentOverride("child at risk, guardian unreachable")), COORDINATOR);
        CLOCK.advance(Duration.ofHours(78)); // T0 + 80 h
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String refer(Urgency urgency) {
        String id = UUID.randomUUID().toString();
        app.send(new MakeReferral(id, caseId, "clinic-esc", ServiceCategory.HEALTH_CARE, urgency, "after return", null), NGO);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static String key(String role, String partnerId) {
        Map<String, Object> body = partnerId == null ? Map.of("role", role, "label", "test") : Map.of("role", role, "partnerId", partnerId, "label", "test");
        return web.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_KEY).bodyValue(body).exchange()
                  .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }

    private static List<Map<String, Object>> escalations() {
        Map<String, Object> page = web.get().uri("/api/escalations").header("X-API-Key", coordinatorKey).exchange()
                                      .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                                      .returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    @Test
    @Order(1)
    void theListHoldsWhatNeedsACoordinatorOldestFirstWithReasonsAndWaitingTime() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> items = escalations();
            assertThat(items).extracting(item -> item.get("referralId"))
                             .containsExactly(declined, declinedThenRedirected, override, overduePriority, expiredEmergency);
            assertThat(items).extracting(item -> item.get("reasons"))
                             .containsExactly(List.of("DECLINED"), List.of("DECLINED"), List.of("CONSENT_OVERRIDE"),
                                              List.of("OVERDUE"), List.of("EXPIRED"));
            assertThat(items).extracting(item -> ((Number) item.get("waitedHours")).intValue())
                             .containsExactly(79, 78, 78, 8, 0);
            assertThat(items.get(0).get("declineReason")).isEqualTo("NO_CAPACITY");
        });
        assertThat(escalations()).extracting(item -> item.get("referralId")).doesNotContain(routine);
        web.get().uri("/api/escalations").header("X-API-Key", referrerKey).exchange().expectStatus().isForbidden();
    }

    @Test
    @Order(2)
    void aRedirectLinksBothReferralsShowsTheDeclineToTheReferrerAndLeavesTheList() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(view(declinedThenRedirected).declineReason()).isEqualTo(DeclineReason.OUT_OF_SERVICE_AREA));
        assertThat(view(declinedThenRedirected).declineNote()).isEqualTo("we serve Oujda only");

        String newReferral = web.post().uri("/api/referrals/" + declinedThenRedirected + "/redirect").header("X-API-Key", referrerKey)
                                .bodyValue(Map.of("toPartnerId", "hospital-esc", "note", "closer to her family")).exchange()
                                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                                .get("referralId").toString();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(view(declinedThenRedirected).redirectedTo()).isEqualTo(newReferral);
            assertThat(view(newReferral).redirectedFrom()).isEqualTo(declinedThenRedirected);
            assertThat(view(newReferral).toPartnerId()).isEqualTo("hospital-esc");
            assertThat(summaries(declinedThenRedirected)).anyMatch(s -> s.contains("Redirected to hospital-esc as referral " + newReferral));
            assertThat(summaries(newReferral)).anyMatch(s -> s.contains("redirected from referral " + declinedThenRedirected));
            assertThat(escalations()).extracting(item -> item.get("referralId"))
                                     .doesNotContain(declinedThenRedirected, newReferral);
        });
    }

    private static ReferralView view(String referralId) {
        return web.get().uri("/api/referrals/" + referralId).header("X-API-Key", referrerKey).exchange()
                  .expectStatus().isOk().expectBody(ReferralView.class).returnResult().getResponseBody();
    }

    private static List<String> summaries(String referralId) {
        return web.get().uri("/api/referrals/" + referralId + "/timeline").header("X-API-Key", referrerKey).exchange()
                  .expectStatus().isOk().expectBody(Timeline.class).returnResult().getResponseBody()
                  .entries().stream().map(Timeline.Entry::summary).toList();
    }
}
