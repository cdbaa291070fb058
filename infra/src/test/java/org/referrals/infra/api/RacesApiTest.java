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
import org.junit.jupiter.api.RepeatedTest;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;

/**
 * Clients racing on one referral or one partner: whatever wins, the event store holds one history the state machine
 * allows, every 2xx answer is one event of it, and every loser was refused (409/412) without writing.
 */
class RacesApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;
    /** The histories DESIGN's state machine allows from REQUESTED with accept, decline and cancel. */
    private static final List<List<String>> ALLOWED = List.of(List.of("ReferralAccepted"), List.of("ReferralDeclined"),
            List.of("ReferralCancelled"), List.of("ReferralAccepted", "ReferralCancelled"));

    @RepeatedTest(3)
    void acceptDeclineAndCancelRacingOnOneReferralLeaveOneAllowedHistory() throws Exception {
        var parties = api.parties("race", CARE);
        String id = api.refer(parties.referrerKey(), api.caseOf(parties.referrerKey()), parties.receiver(), CARE).referralId();

        List<Callable<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String action = List.of("accept", "decline", "cancel").get(i % 3);
            String key = action.equals("cancel") ? parties.referrerKey() : parties.receiverKey();
            Map<String, String> body = switch (action) {
                case "decline" -> Map.of("reasonCode", "NO_CAPACITY");
                case "cancel" -> Map.of("note", "the family moved away");
                default -> Map.of();
            };
            clients.add(() -> api.post("/api/referrals/" + id + "/" + action, key, body).returnResult(String.class)
                                 .getStatus().value());
        }
        List<Integer> statuses = race(clients);

        List<String> history = jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                                                 + "AND sequenceNumber > 0 ORDER BY sequenceNumber", String.class, id)
                                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        assertThat(ALLOWED).as("history %s", history).contains(history);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(history.size());
        assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409 || status == 412);
    }

    @RepeatedTest(3)
    void aSuspensionRacingNewReferralsLetsNoneInAfterIt() throws Exception {
        var parties = api.parties("susp", CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String coordinator = api.coordinatorKey();

        List<Callable<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(() -> api.post("/api/referrals", parties.referrerKey(), ApiClient.referralBody(caseId, parties.receiver(), CARE))
                                 .returnResult(String.class).getStatus().value());
        }
        clients.add(8, () -> api.post("/api/partners/" + parties.receiver() + "/suspend", coordinator, Map.of("reason", "audit"))
                                .returnResult(String.class).getStatus().value());
        List<Integer> statuses = race(clients);

        long suspendedAt = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                                               + "AND payloadType LIKE '%PartnerSuspended'", Long.class, parties.receiver());
        List<Long> referralsAt = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE payloadType LIKE '%ReferralRequested' "
                                                   + "AND payload LIKE ?", Long.class, "%\"toPartnerId\":\"" + parties.receiver() + "\"%");
        assertThat(statuses.get(8)).as("the suspension").isEqualTo(200);
        List<Integer> referralAnswers = new ArrayList<>(statuses);
        referralAnswers.remove(8);
        assertThat(referralAnswers).filteredOn(status -> status == 201).hasSize(referralsAt.size());
        assertThat(referralAnswers).filteredOn(status -> status != 201).allMatch(status -> status == 409);
        assertThat(referralsAt).as("no referral recorded after the suspension").allMatch(position -> position < suspendedAt);
    }

    /** All clients start together; their HTTP statuses in order. */
    private static List<Integer> race(List<Callable<Integer>> clients) throws Exception {
        CyclicBarrier start = new CyclicBarrier(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> client : clients) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
