package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralView;
import org.referrals.api.referral.Statistics;
import org.referrals.api.referral.Timeline;
import org.referrals.infra.support.Samples;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/** Network map, statistics, timelines, cases and the live stream over HTTP, each with who may see what. */
class ReadModelsApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    private <T> T get(String uri, String key, Class<T> type) {
        return api.call(HttpMethod.GET, uri, key, null).expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    private void awaitReferral(String id, String status) {
        String coordinator = api.coordinatorKey();
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            var result = api.call(HttpMethod.GET, "/api/referrals/" + id, coordinator, null).returnResult(ReferralView.class);
            return result.getStatus().value() == 200 && status.equals(result.getResponseBody().blockFirst().status().name());
        });
    }

    @Test
    void aCaseIsWholeForItsOwnerMinimisedForTheReceiverAndHiddenFromEveryoneElse() {
        var parties = api.parties("cv", CARE);
        String ngo = parties.referrer();
        String clinic = parties.receiver();
        String ngoAgent = parties.referrerKey();
        String clinicAgent = parties.receiverKey();
        String caseId = api.caseOf(ngoAgent);
        String id = api.refer(ngoAgent, caseId, clinic, CARE).referralId();
        awaitReferral(id, "REQUESTED");
        await().atMost(Duration.ofSeconds(2)).until(() -> api.call(HttpMethod.GET, "/api/cases/" + caseId, ngoAgent, null)
                                                              .returnResult(String.class).getStatus().value() == 200);

        CaseView whole = get("/api/cases/" + caseId, ngoAgent, CaseView.class);
        assertThat(whole.minimised()).isFalse();
        assertThat(whole.person().givenName()).isEqualTo(Samples.person().givenName());
        assertThat(whole.person().dateOfBirth()).isEqualTo(Samples.person().dateOfBirth());
        assertThat(whole.consents()).hasSize(1);

        CaseView minimised = get("/api/cases/" + caseId, clinicAgent, CaseView.class);
        assertThat(minimised.minimised()).isTrue();
        assertThat(minimised.person().givenName()).as("not before the clinic accepts (ReceivingPartnerSightApiTest)").isNull();
        assertThat(minimised.person().ageBand()).isEqualTo(whole.person().ageBand()).isNotNull();
        assertThat(minimised.person().dateOfBirth()).isNull();
        assertThat(minimised.person().nationality()).isNull();
        assertThat(minimised.consents()).isEmpty();

        api.call(HttpMethod.GET, "/api/cases/" + caseId, api.key(Role.PARTNER_AGENT, api.partner("cx")), null).expectStatus().isNotFound();
        api.call(HttpMethod.GET, "/api/cases/" + caseId, api.key(Role.ANALYST, null), null).expectStatus().isNotFound();
        api.call(HttpMethod.GET, "/api/cases/" + caseId, ApiClient.ADMIN_KEY, null).expectStatus().isNotFound();
    }

    @Test
    void timelinesListEveryEventInOrderWithoutPersonalData() {
        var parties = api.parties("tl", CARE);
        String ngo = parties.referrer();
        String clinic = parties.receiver();
        String ngoAgent = parties.referrerKey();
        String clinicAgent = parties.receiverKey();
        String caseId = api.caseOf(ngoAgent);
        String id = api.refer(ngoAgent, caseId, clinic, CARE).referralId();
        api.act(clinicAgent, id, "accept", Map.of());
        api.act(clinicAgent, id, "notes", Map.of("note", "Zainabou called from +221 77 123 45 67"));
        awaitReferral(id, "ACCEPTED");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(get("/api/referrals/" + id + "/timeline", ngoAgent, Timeline.class).entries()).hasSize(3));
        Timeline referral = get("/api/referrals/" + id + "/timeline", clinicAgent, Timeline.class);
        assertThat(referral.entries()).extracting(Timeline.Entry::type)
                                      .containsExactly("ReferralRequested", "ReferralAccepted", "ReferralNoteAdded");
        assertThat(referral.entries()).extracting(Timeline.Entry::seq).isSorted();
        assertThat(referral.entries().get(1).partnerId()).isEqualTo(clinic);
        assertThat(referral.entries().get(0).summary()).contains(ngo, clinic, "HEALTH_CARE");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(get("/api/cases/" + caseId + "/timeline", ngoAgent, Timeline.class).entries()).hasSize(5));
        Timeline ofCase = get("/api/cases/" + caseId + "/timeline", ngoAgent, Timeline.class);
        assertThat(ofCase.entries()).extracting(Timeline.Entry::type)
                                    .containsExactly("CaseRegistered", "ConsentRecorded", "ReferralRequested",
                                                     "ReferralAccepted", "ReferralNoteAdded");
        String everything = api.call(HttpMethod.GET, "/api/cases/" + caseId + "/timeline", ngoAgent, null)
                               .expectBody(String.class).returnResult().getResponseBody();
        assertThat(everything).doesNotContain("Zainabou", "Ndiayekoumba", "+221", "1991-07-23");

        String stranger = api.key(Role.PARTNER_AGENT, api.partner("ts"));
        api.call(HttpMethod.GET, "/api/referrals/" + id + "/timeline", stranger, null).expectStatus().isNotFound();
        api.call(HttpMethod.GET, "/api/cases/" + caseId + "/timeline", stranger, null).expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNetworkMapShowsFlowsAndAgreements() {
        String a = api.partner("na");
        String b = api.partner("nb", CARE);
        String c = api.partner("nc");
        String agentA = api.key(Role.PARTNER_AGENT, a);
        String agentB = api.key(Role.PARTNER_AGENT, b);
        String accepted = api.refer(agentA, api.caseOf(agentA), b, CARE).referralId();
        api.act(agentB, accepted, "accept", Map.of());
        String declined = api.refer(agentA, api.caseOf(agentA), b, CARE).referralId();
        api.act(agentB, declined, "decline", Map.of("reasonCode", "NO_CAPACITY"));
        api.post("/api/partnerships", api.coordinatorKey(), Map.of("partnerA", c, "partnerB", a, "description", "MoU"))
           .expectStatus().isCreated();
        awaitReferral(declined, "DECLINED");
        awaitReferral(accepted, "ACCEPTED");

        String coordinator = api.coordinatorKey();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            NetworkMap map = get("/api/network", coordinator, NetworkMap.class);
            var flow = map.edges().stream().filter(e -> e.from().equals(a) && e.to().equals(b)).findFirst().orElseThrow(() -> new AssertionError("not there yet"));
            assertThat(flow.referrals()).isEqualTo(2);
            assertThat(flow.accepted()).isEqualTo(1);
            assertThat(flow.declined()).isEqualTo(1);
            assertThat(flow.medianHoursToRespond()).isNotNull();
            assertThat(flow.agreement()).isFalse();
            assertThat(map.edges()).anyMatch(e -> e.agreement() && e.referrals() == 0
                    && List.of(a, c).contains(e.from()) && List.of(a, c).contains(e.to()));
            var nodeB = map.nodes().stream().filter(n -> n.id().equals(b)).findFirst().orElseThrow(() -> new AssertionError("not there yet"));
            assertThat(nodeB.activeLoad()).isEqualTo(1);
            assertThat(nodeB.capacity()).isEqualTo(5);
        });
        // an analyst's map is de-identified: the same flow's small counts hidden, no median over two referrals
        Map<?, ?> analysts = get("/api/network", api.key(Role.ANALYST, null), Map.class);
        Map<?, ?> flow = ((List<Map<?, ?>>) analysts.get("edges")).stream()
                .filter(e -> e.get("from").equals(a) && e.get("to").equals(b)).findFirst().orElseThrow();
        assertThat(List.of(flow.get("referrals"), flow.get("accepted"), flow.get("declined"))).allMatch(List.of("<5", "x")::contains);
        assertThat(flow.get("medianHoursToRespond")).isNull();
        Map<?, ?> nodeB = ((List<Map<?, ?>>) analysts.get("nodes")).stream().filter(n -> n.get("id").equals(b)).findFirst().orElseThrow();
        assertThat(nodeB.get("activeLoad")).isIn("<5", "x");
        api.call(HttpMethod.GET, "/api/network", agentA, null).expectStatus().isForbidden();
    }

    @Test
    void anAgreementAloneReachesTheKeptMap() {
        String x = api.partner("ax");
        String y = api.partner("ay");
        String analyst = api.coordinatorKey();
        await().atMost(Duration.ofSeconds(2)).until(() -> get("/api/network", analyst, NetworkMap.class).nodes().stream()
                                                         .anyMatch(n -> n.id().equals(y)));
        // the map is kept now; only the agreement's projection moves the network's version
        api.post("/api/partnerships", api.coordinatorKey(), Map.of("partnerA", x, "partnerB", y, "description", "MoU"))
           .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(2)).until(() -> get("/api/network", analyst, NetworkMap.class).edges().stream()
                .anyMatch(e -> e.agreement() && List.of(x, y).contains(e.from()) && List.of(x, y).contains(e.to())));
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    /** GET over a plain HTTP client: WebTestClient's asks for gzip itself and unzips what it gets. */
    private java.net.http.HttpResponse<byte[]> raw(String path, String key, String... headers) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                               .header("X-API-Key", key);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theWholeMapIsGzippedForClientsThatAcceptIt() throws Exception {
        String a = api.partner("ga");
        String b = api.partner("gb", CARE);
        String agentA = api.key(Role.PARTNER_AGENT, a);
        String made = api.refer(agentA, api.caseOf(agentA), b, CARE).referralId();
        awaitReferral(made, "REQUESTED");
        String analyst = api.coordinatorKey(); // the whole map, built once and shared: a coordinator's
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var plain = raw("/api/network", analyst);
            var gzipped = raw("/api/network", analyst, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
            assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(b);
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gzipped.headers().allValues("Vary")).contains("Accept-Encoding");
            assertThat(gzipped.body().length).isLessThan(plain.body().length);
            try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                assertThat(unzipped.readAllBytes()).isEqualTo(plain.body()); // the same map, unless it changed in between
            }
        });
        assertThat(raw("/api/network", analyst, "Accept-Encoding", "gzip;q=0, *").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void statisticsShowFiveButHideFour() {
        String a = api.partner("sa");
        String five = api.partner("s5", CARE);
        String four = api.partner("s4", CARE);
        String agentA = api.key(Role.PARTNER_AGENT, a);
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = api.refer(agentA, api.caseOf(agentA), five, CARE).referralId();
        }
        for (int i = 0; i < 4; i++) {
            api.refer(agentA, api.caseOf(agentA), four, CARE);
        }
        awaitReferral(last, "REQUESTED");
        String analyst = api.key(Role.ANALYST, null);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            Statistics byPartner = get("/api/stats?groupBy=partner", analyst, Statistics.class);
            var rows = byPartner.rows();
            assertThat(rows).filteredOn(r -> r.key().equals(five)).singleElement()
                            // shown, unless the column's other hidden counts need it hidden too (SmallCellSuppression)
                            .satisfies(r -> assertThat(r.referrals()).isIn(5, "x"));
            assertThat(rows).filteredOn(r -> r.key().equals(four)).singleElement()
                            .satisfies(r -> assertThat(r.referrals()).isEqualTo("<5"));
        });
        String body = api.call(HttpMethod.GET, "/api/stats?groupBy=month", analyst, null).expectStatus().isOk()
                         .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"groupBy\":\"month\"").doesNotContain("caseId", "Zainabou");
        api.call(HttpMethod.GET, "/api/stats?groupBy=colour", analyst, null).expectStatus().isBadRequest();
        api.call(HttpMethod.GET, "/api/stats?groupBy=partner", agentA, null).expectStatus().isForbidden();
    }

    @Test
    void theLiveStreamCarriesOnlyWhatTheCallerMaySee() {
        String a = api.partner("la");
        String b = api.partner("lb");
        String r = api.partner("lr", CARE);
        String agentA = api.key(Role.PARTNER_AGENT, a);
        String agentB = api.key(Role.PARTNER_AGENT, b);
        String caseOfA = api.caseOf(agentA);
        String caseOfB = api.caseOf(agentB);
        List<ReferralView> seenByB = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean();
        Disposable subscription = web.get().uri("/api/stream").header("X-API-Key", agentB)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<ReferralView>>() {
                })
                .getResponseBody()
                .doOnNext(event -> connected.compareAndSet(false, "connected".equals(event.comment())))
                .filter(event -> event.data() != null)
                .subscribe(event -> seenByB.add(event.data()));
        try {
            // the stream's first comment says it is subscribed to the changes
            await().atMost(Duration.ofSeconds(10)).untilTrue(connected);
            String fromA = api.refer(agentA, caseOfA, r, CARE).referralId();
            String fromB = api.refer(agentB, caseOfB, r, CARE).referralId();
            await().atMost(Duration.ofSeconds(3)).until(() -> seenByB.stream().anyMatch(v -> v.referralId().equals(fromB)));
            awaitReferral(fromA, "REQUESTED");
            assertThat(seenByB).noneMatch(v -> v.referralId().equals(fromA));
            assertThat(seenByB).allMatch(v -> v.fromPartnerId().equals(b) || v.toPartnerId().equals(b));
        } finally {
            subscription.dispose();
        }
    }
}
