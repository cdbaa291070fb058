package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpMethod;

/** The network map's filters (the dashboard's), and {@code GET /api/me}. */
class NetworkFiltersApiTest extends ApiTest {

    private NetworkMap network(String query) {
        return api.call(HttpMethod.GET, "/api/network" + query, api.coordinatorKey(), null).expectStatus().isOk()
                  .expectBody(NetworkMap.class).returnResult().getResponseBody();
    }

    private static long flow(NetworkMap map, String from, String to) {
        return map.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).mapToLong(NetworkMap.Edge::referrals)
                  .sum();
    }

    @Test
    void regionCategoryAndPeriodNarrowTheMap() {
        var parties = api.parties("nf", ServiceCategory.FOOD_NUTRITION);
        api.refer(parties.referrerKey(), api.caseOf(parties.referrerKey()), parties.receiver(), ServiceCategory.FOOD_NUTRITION);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(flow(network(""), parties.referrer(), parties.receiver())).isEqualTo(1));
        // Samples.partner serves Oriental
        assertThat(network("?region=Oriental").nodes()).extracting(NetworkMap.Node::id).contains(parties.referrer(), parties.receiver());
        assertThat(network("?region=Atlantis").nodes()).isEmpty();
        assertThat(network("?region=Atlantis").edges()).isEmpty();
        assertThat(flow(network("?category=FOOD_NUTRITION&from=" + today + "&to=" + tomorrow), parties.referrer(), parties.receiver())).isEqualTo(1);
        assertThat(flow(network("?category=LEGAL_AID"), parties.referrer(), parties.receiver())).isZero();
        assertThat(flow(network("?to=" + today), parties.referrer(), parties.receiver())).as("made today, not before").isZero();
        api.call(HttpMethod.GET, "/api/network?from=yesterday", api.coordinatorKey(), null).expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void meTellsTheCallerWhoItIs() {
        String partner = api.partner("me");
        Map<String, Object> me = api.call(HttpMethod.GET, "/api/me", api.key(Role.PARTNER_AGENT, partner), null).expectStatus().isOk()
                                    .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me).containsEntry("role", "PARTNER_AGENT").containsEntry("partnerId", partner);
        api.call(HttpMethod.GET, "/api/me", null, null).expectStatus().isUnauthorized();
    }
}
