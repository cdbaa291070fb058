package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Timeline;
import org.referrals.infra.support.Samples;
import org.springframework.http.HttpMethod;

/**
 * The consent rules over HTTP: a withdrawn, an expired and an out-of-scope consent each refuse a referral with a
 * problem naming the rule and saying why; only a coordinator overrides, with a justification, and the timeline
 * shows the override and, for every other referral, the legal basis it relied on.
 */
class ConsentApiTest extends ApiTest {

    private static final ServiceCategory CATEGORY = ServiceCategory.COUNSELLING;

    private String caseWith(String agentKey, ConsentTerms consent) {
        var body = Map.of("person", Samples.person(), "vulnerabilities", List.of(), "countryOfReturn", "MA", "consent", consent);
        return api.post("/api/cases", agentKey, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                  .getResponseBody().get("caseId").toString();
    }

    private void expectRefused(String key, String caseId, String toPartner, String rule, String because) {
        long before = eventCount();
        api.post("/api/referrals", key, ApiClient.referralBody(caseId, toPartner, CATEGORY))
           .expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.rule").isEqualTo(rule)
           .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(because));
        assertThat(eventCount()).as("a refused referral writes nothing").isEqualTo(before);
    }

    @Test
    void aWithdrawnConsentRefusesAReferral() {
        var parties = api.parties("cw", CATEGORY);
        String caseId = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.CONSENT, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        String consentId = api.post("/api/cases/" + caseId + "/consents", parties.referrerKey(),
                                    new ConsentTerms(LegalBasis.CONSENT, List.of(CATEGORY), List.of(), null))
                              .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                              .get("consentId").toString();
        api.post("/api/cases/" + caseId + "/consents/" + consentId + "/withdraw", parties.referrerKey(), Map.of("note", "changed mind"))
           .expectStatus().isOk();

        expectRefused(parties.referrerKey(), caseId, parties.receiver(), "CONSENT_WITHDRAWN", "was withdrawn");
    }

    @Test
    void anExpiredConsentRefusesAReferral() {
        var parties = api.parties("ce", CATEGORY);
        String caseId = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(),
                                                                         Instant.now().plusSeconds(2)));
        await().pollDelay(Duration.ofMillis(2100)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                expectRefused(parties.referrerKey(), caseId, parties.receiver(), "CONSENT_EXPIRED", "expired at"));
    }

    @Test
    void aConsentForOtherPartnersOrCategoriesRefusesAReferral() {
        var parties = api.parties("cs", CATEGORY);
        String otherPartner = api.partner("cs-other", CATEGORY);
        String forAnotherCategory = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.CONSENT, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        String forAnotherPartner = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(otherPartner), null));

        expectRefused(parties.referrerKey(), forAnotherCategory, parties.receiver(), "OUTSIDE_CONSENT_SCOPE", CATEGORY.name());
        expectRefused(parties.referrerKey(), forAnotherPartner, parties.receiver(), "OUTSIDE_CONSENT_SCOPE", parties.receiver());
    }

    @Test
    void onlyACoordinatorOverridesAndOnlyWithAJustificationWhichTheTimelineShows() {
        var parties = api.parties("co", CATEGORY);
        String caseId = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.CONSENT, List.of(ServiceCategory.LEGAL_AID), List.of(), null));
        Map<String, Object> overridden = new HashMap<>(ApiClient.referralBody(caseId, parties.receiver(), CATEGORY));
        overridden.put("consentOverride", Map.of("justification", "child at risk, guardian unreachable"));

        api.post("/api/referrals", parties.referrerKey(), overridden)
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/rule/consent-override-not-allowed");
        Map<String, Object> unjustified = new HashMap<>(overridden);
        unjustified.put("consentOverride", Map.of("justification", " "));
        api.post("/api/referrals", api.coordinatorKey(), unjustified)
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("consentOverride.justification");

        String referralId = api.post("/api/referrals", api.coordinatorKey(), overridden).expectStatus().isCreated()
                               .expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
        String byConsent = caseWith(parties.referrerKey(), new ConsentTerms(LegalBasis.VITAL_INTEREST, List.of(), List.of(), null));
        String consentedReferral = api.refer(parties.referrerKey(), byConsent, parties.receiver(), CATEGORY).referralId();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(requestedSummary(referralId)).contains("consent overridden by a coordinator")
                                                    .doesNotContain("guardian unreachable");
            assertThat(requestedSummary(consentedReferral)).contains("legal basis VITAL_INTEREST (consent ");
        });
    }

    private String requestedSummary(String referralId) {
        Timeline timeline = api.call(HttpMethod.GET, "/api/referrals/" + referralId + "/timeline", api.coordinatorKey(), null)
                               .expectStatus().isOk().expectBody(Timeline.class).returnResult().getResponseBody();
        assertThat(timeline.entries()).as("the timeline has caught up").isNotEmpty();
        return timeline.entries().get(0).summary();
    }
}
