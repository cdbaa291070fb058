package org.referrals.infra.caseclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ReferralView;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;

/**
 * A store written before the open referrals were kept (the table dropped while stopped, as an earlier version left
 * it): the next start reads the events into the table, so closing a case registered back then still ends its
 * referrals: the one waiting is cancelled, the delivered one closed.
 */
class OpenReferralsUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aCaseFromBeforeTheUpgradeStillEndsItsReferralsWhenClosed() throws Exception {
        String caseId;
        String waiting;
        String delivered;
        String ngoKey;
        try (var first = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(first.web());
            var parties = api.parties("upgrade", ServiceCategory.LEGAL_AID);
            ngoKey = parties.referrerKey();
            caseId = api.caseOf(ngoKey);
            waiting = api.refer(ngoKey, caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
            delivered = api.refer(ngoKey, caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
            for (String action : new String[] {"accept", "start"}) {
                api.act(parties.receiverKey(), delivered, action, Map.of());
            }
            api.act(parties.receiverKey(), delivered, "deliver", Map.of("outcome", "SERVICE_PROVIDED"));
        }
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventstore.db"));
             Statement statement = sqlite.createStatement()) {
            statement.execute("DROP TABLE open_referral");
        }

        try (var second = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(second.web());
            api.post("/api/cases/" + caseId + "/close", ngoKey, Map.of("reason", "FUNDING_ENDED")).expectStatus().isOk();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(api, ngoKey, waiting) == ReferralStatus.CANCELLED
                                                               && status(api, ngoKey, delivered) == ReferralStatus.CLOSED);
            String timeline = api.call(HttpMethod.GET, "/api/referrals/" + waiting + "/timeline", api.coordinatorKey(), null)
                                 .expectBody(String.class).returnResult().getResponseBody();
            assertThat(timeline).contains("\"summaryCode\":\"cancelledWithCase\"", "\"CaseClosureReason\":\"FUNDING_ENDED\"");
        }
    }

    private static ReferralStatus status(ApiClient api, String key, String referralId) {
        var answer = api.call(HttpMethod.GET, "/api/referrals/" + referralId, key, null).returnResult(ReferralView.class);
        ReferralView view = answer.getStatus().value() == 200 ? answer.getResponseBody().blockFirst() : null;
        return view == null ? null : view.status();
    }
}
