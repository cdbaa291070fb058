package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.audit.AuditCheckpoint;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Timeline;
import org.springframework.http.HttpMethod;

/**
 * The audit chain over HTTP: timeline entries carry their links and verify; the whole chain verifies, and a
 * checkpoint taken now is matched later, a wrong one is not. (Tampering: {@code AuditTamperingContract}.)
 */
class AuditApiTest extends ApiTest {

    private static final String HEX_SHA256 = "[0-9a-f]{64}";

    @Test
    void timelineEntriesCarryTheirLinksOfTheChainAndVerify() {
        var parties = api.parties("au", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
        api.act(parties.receiverKey(), referralId, "accept", Map.of());

        // chained within a fraction of a second, or after the gap timeout when a rolled-back append left a hole
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Timeline timeline = timeline(referralId);
            assertThat(timeline.entries()).hasSize(2);
            assertThat(timeline.entries()).allSatisfy(entry -> {
                assertThat(entry.hash()).matches(HEX_SHA256);
                assertThat(entry.prevHash()).matches(HEX_SHA256);
            });
            assertThat(timeline.verified()).isTrue();
        });
        Timeline timeline = timeline(referralId);
        assertThat(timeline.entries().get(0).seq()).isLessThan(timeline.entries().get(1).seq());
        assertThat(timeline.entries().get(0).hash()).isNotEqualTo(timeline.entries().get(1).hash());
    }

    @Test
    void theWholeChainVerifiesAndASignedCheckpointIsMatchedLater() {
        AuditCheckpoint checkpoint = api.call(HttpMethod.GET, "/api/audit/checkpoint", api.coordinatorKey(), null)
                                        .expectStatus().isOk().expectBody(AuditCheckpoint.class).returnResult().getResponseBody();
        assertThat(checkpoint.count()).isPositive();
        assertThat(checkpoint.headHash()).matches(HEX_SHA256);
        api.parties("au2", ServiceCategory.LEGAL_AID); // more events after the checkpoint

        AuditVerification now = verify("");
        assertThat(now.verified()).isTrue();
        assertThat(now.firstBrokenSeq()).isNull();
        assertThat(now.checkedEvents()).isGreaterThanOrEqualTo(checkpoint.count());
        assertThat(verify("?checkpointSeq=" + checkpoint.headSeq() + "&checkpointHash=" + checkpoint.headHash()))
                .returns(true, AuditVerification::verified).returns(true, AuditVerification::checkpointMatches);
        assertThat(verify("?checkpointSeq=" + checkpoint.headSeq() + "&checkpointHash=" + "0".repeat(64)))
                .returns(false, AuditVerification::verified).returns(false, AuditVerification::checkpointMatches);
        api.call(HttpMethod.GET, "/api/audit/verify?checkpointSeq=1", ApiClient.ADMIN_KEY, null).expectStatus().isBadRequest();
    }

    private AuditVerification verify(String query) {
        return api.call(HttpMethod.GET, "/api/audit/verify" + query, ApiClient.ADMIN_KEY, null).expectStatus().isOk()
                  .expectBody(AuditVerification.class).returnResult().getResponseBody();
    }

    private Timeline timeline(String referralId) {
        return api.call(HttpMethod.GET, "/api/referrals/" + referralId + "/timeline", api.coordinatorKey(), null)
                  .expectStatus().isOk().expectBody(Timeline.class).returnResult().getResponseBody();
    }
}
