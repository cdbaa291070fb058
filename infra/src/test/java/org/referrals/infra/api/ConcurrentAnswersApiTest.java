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

/** Twenty clients answer one referral at once, half accepting and half declining: one answer wins. */
class ConcurrentAnswersApiTest extends ApiTest {

    @Test
    void exactlyOneOfTwentyParallelAnswersSucceeds() throws Exception {
        String ngo = api.partner("ngo");
        String clinic = api.partner("clinic", ServiceCategory.HEALTH_CARE);
        String ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
        String clinicAgent = api.key(Role.PARTNER_AGENT, clinic);
        String id = api.refer(ngoAgent, api.caseOf(ngoAgent), clinic, ServiceCategory.HEALTH_CARE).referralId();

        int clients = 20;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                boolean accept = i % 2 == 0;
                boolean conditional = i % 4 < 2; // half of them send If-Match: "0"
                Callable<Integer> answer = () -> {
                    start.await();
                    String[] headers = conditional ? new String[]{ApiClient.IF_MATCH, ApiClient.ifMatch(0)} : new String[0];
                    var body = accept ? Map.of() : Map.of("reasonCode", "NO_CAPACITY");
                    return api.post("/api/referrals/" + id + "/" + (accept ? "accept" : "decline"), clinicAgent, body, headers)
                              .returnResult(String.class).getStatus().value();
                };
                answers.add(pool.submit(answer));
            }
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409 || status == 412);
        List<String> responses = jdbc.queryForList(
                "SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber > 0",
                String.class, id);
        assertThat(responses).hasSize(1).allMatch(type -> type.endsWith("ReferralAccepted") || type.endsWith("ReferralDeclined"));
    }
}
