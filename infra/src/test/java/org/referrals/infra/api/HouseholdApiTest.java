package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Role;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.household.HouseholdView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralView;
import org.springframework.http.HttpMethod;

/**
 * A household over HTTP: formed around its head, a spouse and a separated child added; the owner sees each member
 * whole, a partner serving the household only roles, age bands and the child's vulnerability; erasing the child
 * leaves the others readable; a case joins one household at most.
 */
class HouseholdApiTest extends ApiTest {

    private static final ServiceCategory SHELTER = ServiceCategory.SHELTER_HOUSING;

    private String member(String key, String givenName, String dateOfBirth, String... vulnerabilities) {
        var body = Map.of("person", Map.of("givenName", givenName, "familyName", "Diallo", "dateOfBirth", dateOfBirth,
                                           "sex", "FEMALE", "nationality", "SN", "languages", List.of("fr")),
                          "vulnerabilities", List.of(vulnerabilities), "countryOfReturn", "MA",
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        return api.post("/api/cases", key, body).expectStatus().isCreated()
                  .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    @Test
    void aFamilyAssistedTogetherEachMemberUnderItsOwnKey() {
        var parties = api.parties("family", SHELTER);
        String head = member(parties.referrerKey(), "Amina", "1990-02-01");
        String spouse = member(parties.referrerKey(), "Moussa", "1988-06-12");
        String child = member(parties.referrerKey(), "Awa", "2015-09-30", "SEPARATED_CHILD");
        String household = api.post("/api/households", parties.referrerKey(), Map.of("headCaseId", head)).expectStatus().isCreated()
                              .expectBody(Map.class).returnResult().getResponseBody().get("householdId").toString();
        api.post("/api/households/" + household + "/members", parties.referrerKey(), Map.of("caseId", spouse, "role", "SPOUSE"))
           .expectStatus().isOk();
        api.post("/api/households/" + household + "/members", parties.referrerKey(), Map.of("caseId", child, "role", "CHILD"))
           .expectStatus().isOk();

        HouseholdView whole = await().atMost(Duration.ofSeconds(10)).until(() -> read(household, parties.referrerKey()),
                                                                        h -> h != null && h.members().size() == 3);
        assertThat(whole.members()).extracting(HouseholdView.Member::role)
                                   .containsExactly(HouseholdRole.HEAD, HouseholdRole.SPOUSE, HouseholdRole.CHILD);
        assertThat(whole.members()).extracting(HouseholdView.Member::givenName).containsExactly("Amina", "Moussa", "Awa");
        assertThat(whole.members().get(2).vulnerabilities()).containsExactly(Vulnerability.SEPARATED_CHILD);
        assertThat(api.call(HttpMethod.GET, "/api/cases/" + child, parties.referrerKey(), null).expectBody(CaseView.class)
                      .returnResult().getResponseBody().householdRole()).isEqualTo(HouseholdRole.CHILD);

        // a shelter for the whole household: the provider sees roles, age bands and the child's vulnerability, no name
        Map<String, Object> body = new HashMap<>(ApiClient.referralBody(head, parties.receiver(), SHELTER));
        body.put("forHousehold", true);
        String referralId = api.post("/api/referrals", parties.referrerKey(), body).expectStatus().isCreated()
                               .expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
        ReferralView referral = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.call(HttpMethod.GET, "/api/referrals/" + referralId, parties.receiverKey(), null)
                         .returnResult(ReferralView.class).getResponseBody().blockFirst(), r -> r != null && r.householdId() != null);
        assertThat(referral.householdId()).isEqualTo(household);
        HouseholdView seenByProvider = await().atMost(Duration.ofSeconds(10)).until(() -> read(household, parties.receiverKey()),
                                                                                 h -> h != null);
        assertThat(seenByProvider.members()).allSatisfy(m -> {
            assertThat(m.whole()).isFalse();
            assertThat(m.givenName()).isNull();
            assertThat(m.dateOfBirth()).isNull();
        });
        assertThat(seenByProvider.members().get(2).ageBand()).isEqualTo("5-11");
        assertThat(seenByProvider.members().get(2).vulnerabilities()).containsExactly(Vulnerability.SEPARATED_CHILD);
        assertThat(status(household, api.key(Role.PARTNER_AGENT, api.partner("stranger")))).isEqualTo(404);
        assertThat(status(household, api.key(Role.ANALYST, null))).isEqualTo(404);

        // the child's data erased: the others stay readable
        api.post("/api/cases/" + child + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the guardian"))
           .expectStatus().isOk();
        HouseholdView afterErasure = await().atMost(Duration.ofSeconds(10)).until(() -> read(household, parties.referrerKey()),
                                                                               h -> h.members().get(2).erased());
        assertThat(afterErasure.members().get(2).givenName()).isNull();
        assertThat(afterErasure.members()).extracting(HouseholdView.Member::givenName).containsExactly("Amina", "Moussa", null);

        // one household at most; the head stays
        String other = api.post("/api/households", parties.referrerKey(), Map.of("headCaseId", member(parties.referrerKey(), "Fatou", "1970-01-01")))
                          .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("householdId").toString();
        api.post("/api/households/" + other + "/members", parties.referrerKey(), Map.of("caseId", spouse, "role", "OTHER_RELATIVE"))
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("HOUSEHOLD_ALREADY_JOINED");
        api.post("/api/households/" + household + "/members/" + head + "/remove", parties.referrerKey(), Map.of())
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("HOUSEHOLD_HEAD_STAYS");
    }

    private HouseholdView read(String householdId, String key) {
        var result = api.call(HttpMethod.GET, "/api/households/" + householdId, key, null).returnResult(HouseholdView.class);
        return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
    }

    private int status(String householdId, String key) {
        return api.call(HttpMethod.GET, "/api/households/" + householdId, key, null).returnResult(String.class).getStatus().value();
    }
}
