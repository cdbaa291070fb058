package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** {@code Idempotency-Key}: a repeat gets the first answer and writes nothing; another body under the key gets 422. */
class IdempotencyApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    private String ngoAgent;
    private String clinic;
    private String caseId;

    private void referralSetting() {
        String ngo = api.partner("ngo");
        clinic = api.partner("clinic", CARE);
        ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
        caseId = api.caseOf(ngoAgent);
    }

    private EntityExchangeResult<String> postReferral(String key, String idempotencyKey, String reason) {
        var body = new java.util.HashMap<>(ApiClient.referralBody(caseId, clinic, CARE));
        body.put("reason", reason);
        return api.post("/api/referrals", key, body, "Idempotency-Key", idempotencyKey)
                  .expectBody(String.class).returnResult();
    }

    private long referralsRequested() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE '%ReferralRequested'",
                                   Long.class);
    }

    @Test
    void aRepeatGetsTheFirstAnswerAndWritesNothing() {
        referralSetting();
        var first = postReferral(ngoAgent, "make-1", "check-up");
        long events = eventCount();
        var repeat = postReferral(ngoAgent, "make-1", "check-up");
        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(repeat.getStatus()).isEqualTo(first.getStatus());
        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        referralSetting();
        postReferral(ngoAgent, "make-2", "check-up");
        long events = eventCount();
        var other = postReferral(ngoAgent, "make-2", "something else");
        assertThat(other.getStatus().value()).isEqualTo(422);
        assertThat(other.getResponseBody()).contains("/problems/idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void keysBelongToTheirCaller() {
        referralSetting();
        String secondAgent = api.key(Role.PARTNER_AGENT, api.partner("second"));
        postReferral(ngoAgent, "shared-key", "check-up");
        var fromAnother = api.post("/api/cases/" + caseId + "/close", secondAgent, Map.of("reason", "MOVED_AWAY"),
                                   "Idempotency-Key", "shared-key").expectBody(String.class).returnResult();
        assertThat(fromAnother.getStatus().value()).isEqualTo(404); // its own request, judged on its own
    }

    @Test
    void aRepeatedActionIsNotAppliedTwice() {
        referralSetting();
        String clinicAgent = api.key(Role.PARTNER_AGENT, clinic);
        String referralId = api.refer(ngoAgent, caseId, clinic, CARE).referralId();
        var first = api.post("/api/referrals/" + referralId + "/notes", clinicAgent, Map.of("note", "called"),
                             "Idempotency-Key", "note-1").expectBody(String.class).returnResult();
        var repeat = api.post("/api/referrals/" + referralId + "/notes", clinicAgent, Map.of("note", "called"),
                              "Idempotency-Key", "note-1").expectBody(String.class).returnResult();
        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody()).contains("\"version\":1");
        assertThat(eventCount(referralId)).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesGiveOneEventAndTheSameAnswer() throws Exception {
        referralSetting();
        long before = referralsRequested();
        int clients = 10;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<EntityExchangeResult<String>> call = () -> {
                    start.await();
                    return postReferral(ngoAgent, "race-1", "check-up");
                };
                answers.add(pool.submit(call));
            }
            List<String> bodies = new ArrayList<>();
            for (var answer : answers) {
                var result = answer.get();
                assertThat(result.getStatus().value()).isEqualTo(201);
                bodies.add(result.getResponseBody());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(referralsRequested() - before).isEqualTo(1);
    }
}
