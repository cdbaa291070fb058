package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.Caseload;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpMethod;

/** Lists, directory and caseload over HTTP, with what each caller may see. */
class QueryApiTest extends ApiTest {

    private record Network(String a, String r, String b, String agentA, String agentR, String agentB,
                           List<String> referralsFromA) {
    }

    /** A refers 5 cases to R (2 accepted, 1 declined, 2 requested); B refers 1 case to R. */
    private Network network() {
        String a = api.partner("qa");
        String r = api.partner("qr", ServiceCategory.HEALTH_CARE, ServiceCategory.COUNSELLING);
        String b = api.partner("qb");
        String agentA = api.key(Role.PARTNER_AGENT, a);
        String agentR = api.key(Role.PARTNER_AGENT, r);
        String agentB = api.key(Role.PARTNER_AGENT, b);
        List<String> fromA = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var category = i == 4 ? ServiceCategory.COUNSELLING : ServiceCategory.HEALTH_CARE;
            String id = api.refer(agentA, api.caseOf(agentA), r, category).referralId();
            if (i < 2) {
                api.act(agentR, id, "accept", Map.of());
            } else if (i == 2) {
                api.act(agentR, id, "decline", Map.of("reasonCode", "NOT_ELIGIBLE"));
            }
            fromA.add(id);
        }
        String fromB = api.refer(agentB, api.caseOf(agentB), r, ServiceCategory.HEALTH_CARE).referralId();
        await().atMost(Duration.ofSeconds(2)).until(() -> total("/api/referrals?partnerId=" + r, api.coordinatorKey()) == 6
                && statusOf(fromA.get(2), agentA).equals("DECLINED") && statusOf(fromB, agentB).equals("REQUESTED"));
        return new Network(a, r, b, agentA, agentR, agentB, fromA);
    }

    private Map<String, Object> page(String uri, String key) {
        return api.call(HttpMethod.GET, uri, key, null).expectStatus().isOk()
                  .expectBody(Map.class).returnResult().getResponseBody();
    }

    private long total(String uri, String key) {
        return ((Number) page(uri, key).get("total")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String uri, String key) {
        return (List<Map<String, Object>>) page(uri, key).get("items");
    }

    private String statusOf(String referralId, String key) {
        return api.call(HttpMethod.GET, "/api/referrals/" + referralId, key, null).returnResult(Map.class)
                  .getResponseBody().blockFirst().getOrDefault("status", "").toString();
    }

    @Test
    void aPartnerListsItsInboxAndOutboxWithFiltersAndPages() {
        Network n = network();
        assertThat(total("/api/referrals?direction=outbound", n.agentA())).isEqualTo(5);
        assertThat(total("/api/referrals?direction=inbound", n.agentA())).isZero();
        assertThat(total("/api/referrals?direction=inbound", n.agentR())).isEqualTo(6);
        assertThat(total("/api/referrals?direction=inbound&status=REQUESTED", n.agentR())).isEqualTo(3);
        assertThat(total("/api/referrals?direction=inbound&status=ACCEPTED,DECLINED", n.agentR())).isEqualTo(3);
        assertThat(total("/api/referrals?category=COUNSELLING", n.agentR())).isEqualTo(1);
        assertThat(total("/api/referrals?overdue=true", n.agentR())).isZero();
        assertThat(total("/api/referrals?overdue=false", n.agentR())).isEqualTo(6);

        var first = page("/api/referrals?direction=outbound&size=2&page=0", n.agentA());
        var third = page("/api/referrals?direction=outbound&size=2&page=2", n.agentA());
        assertThat((List<?>) first.get("items")).hasSize(2);
        assertThat((List<?>) third.get("items")).hasSize(1);
        assertThat(first.get("total")).isEqualTo(5);
        List<String> updated = items("/api/referrals?direction=outbound", n.agentA()).stream()
                .map(item -> item.get("updatedAt").toString()).toList();
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aThirdPartnerSeesNothingOfAnothersReferrals() {
        Network n = network();
        api.call(HttpMethod.GET, "/api/referrals?partnerId=" + n.a(), n.agentB(), null).expectStatus().isNotFound();
        assertThat(items("/api/referrals", n.agentB())).extracting(item -> item.get("fromPartnerId")).containsOnly(n.b());
        for (String id : n.referralsFromA()) {
            api.call(HttpMethod.GET, "/api/referrals/" + id, n.agentB(), null).expectStatus().isNotFound();
        }
        api.call(HttpMethod.GET, "/api/partners/" + n.a() + "/caseload", n.agentB(), null).expectStatus().isNotFound();
        api.call(HttpMethod.GET, "/api/referrals", api.key(Role.ANALYST, null), null).expectStatus().isForbidden();
        api.call(HttpMethod.GET, "/api/referrals?status=LOST", n.agentA(), null).expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.call(HttpMethod.GET, "/api/referrals?size=1000", n.agentA(), null).expectStatus().isBadRequest();
    }

    @Test
    void theReceiversCaseloadCountsItsInboundReferrals() {
        Network n = network();
        for (String key : List.of(n.agentR(), api.coordinatorKey())) {
            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
                Caseload caseload = api.call(HttpMethod.GET, "/api/partners/" + n.r() + "/caseload", key, null)
                                       .expectStatus().isOk().expectBody(Caseload.class).returnResult().getResponseBody();
                assertThat(caseload.byStatus()).isEqualTo(Map.of("ACCEPTED", 2L, "DECLINED", 1L, "REQUESTED", 3L));
                assertThat(caseload.active()).isEqualTo(5);
                assertThat(caseload.capacity()).isEqualTo(10); // two services of capacity 5
                assertThat(caseload.overdue()).isZero();
                assertThat(caseload.acceptanceRate()).isEqualTo(2.0 / 3);
                assertThat(caseload.medianHoursToRespond()).isNotNull().isGreaterThanOrEqualTo(0);
                assertThat(caseload.medianDaysToDeliver()).isNull();
            });
        }
        // an analyst's: the counts de-identified like the statistics, no rate over three answers
        Map<?, ?> analysts = api.call(HttpMethod.GET, "/api/partners/" + n.r() + "/caseload", api.key(Role.ANALYST, null), null)
                                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(analysts.get("byStatus")).isEqualTo(Map.of("ACCEPTED", "<5", "DECLINED", "<5", "REQUESTED", "<5"));
        assertThat(analysts.get("active")).isEqualTo(5);
        assertThat(analysts.get("overdue")).isEqualTo("<5");
        assertThat(analysts.get("acceptanceRate")).isNull();
        assertThat(analysts.get("medianHoursToRespond")).isNull();
    }

    @Test
    void theDirectoryFiltersByCategoryRegionAndKind() {
        Network n = network();
        List<Map<String, Object>> counselling = api.call(HttpMethod.GET, "/api/partners?category=COUNSELLING&kind=NGO",
                                                         n.agentB(), null)
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(counselling).extracting(p -> p.get("partnerId")).contains(n.r()).doesNotContain(n.a(), n.b());
        api.call(HttpMethod.GET, "/api/partners?region=Nowhere", n.agentB(), null).expectStatus().isOk()
           .expectBody().jsonPath("$.length()").isEqualTo(0);
        api.call(HttpMethod.GET, "/api/partners?kind=CLUB", n.agentB(), null).expectStatus().isBadRequest();
    }
}
