package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.RunningApplication;
import org.referrals.query.admin.VerificationReport;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * {@code POST /api/admin/projections/verify} rebuilds the read models from the events aside and finds none differs;
 * after documents are changed, removed or added behind the projections' back, it names each of them. An
 * application of its own, so that no other test's data is verified along.
 */
class ProjectionVerifyApiTest {

    @TempDir
    Path dataDir;

    @Test
    void theReadModelsMatchTheirEventsAndTamperedDocumentsAreNamed() {
        try (var app = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(app.web());
            String ngo = api.partner("vngo");
            String clinic = api.partner("vclinic", ServiceCategory.LEGAL_AID);
            String ngoAgent = api.key(Role.PARTNER_AGENT, ngo);
            String clinicAgent = api.key(Role.PARTNER_AGENT, clinic);
            String accepted = api.refer(ngoAgent, api.caseOf(ngoAgent), clinic, ServiceCategory.LEGAL_AID).referralId();
            api.act(clinicAgent, accepted, "accept", Map.of());
            String declinedCase = api.caseOf(ngoAgent);
            String declined = api.refer(ngoAgent, declinedCase, clinic, ServiceCategory.LEGAL_AID).referralId();
            api.act(clinicAgent, declined, "decline", Map.of("reasonCode", "NO_CAPACITY"));
            api.refer(ngoAgent, api.caseOf(ngoAgent), clinic, ServiceCategory.LEGAL_AID);
            awaitProjectionsIdle(api);

            VerificationReport clean = verified(api);
            assertThat(clean.consistent()).as("%s", clean).isTrue();
            assertThat(clean.eventsReplayed()).isBetween(1L, clean.upToPosition() + 1);
            assertThat(clean.collections()).extracting(VerificationReport.CollectionReport::name)
                                           .contains("referrals", "case_referrals", "cases", "partners", "agreements");
            assertThat(clean.collections()).allSatisfy(c -> assertThat(c.differences()).isZero())
                                           .allSatisfy(c -> assertThat(c.notCompared()).isNull());
            assertThat(collection(clean, "referrals").compared()).isEqualTo(3);

            MongoDatabase mongo = app.bean(MongoDatabase.class);
            mongo.getCollection("referrals").updateOne(Filters.eq("_id", accepted), Updates.set("status", "CLOSED"));
            mongo.getCollection("case_referrals").deleteOne(Filters.eq("_id", declinedCase));
            mongo.getCollection("cases").insertOne(new Document("_id", "case-nobody-made").append("version", 0L));

            VerificationReport tampered = verified(api);
            assertThat(tampered.consistent()).isFalse();
            assertThat(collection(tampered, "referrals").examples())
                    .containsExactly(new VerificationReport.Difference(accepted, "DIFFERENT", List.of("status")));
            assertThat(collection(tampered, "case_referrals").examples())
                    .containsExactly(new VerificationReport.Difference(declinedCase, "MISSING", List.of()));
            assertThat(collection(tampered, "cases").examples())
                    .containsExactly(new VerificationReport.Difference("case-nobody-made", "EXTRA", List.of()));
            assertThat(collection(tampered, "partners").differences()).isZero();

            api.post("/api/admin/projections/verify", api.coordinatorKey(), null).expectStatus().isForbidden();
        }
    }

    /** Starts a verification and waits for its end. */
    private static VerificationReport verified(ApiClient api) {
        VerificationReport started = api.post("/api/admin/projections/verify", ApiClient.ADMIN_KEY, null).expectStatus().isAccepted()
                                        .expectBody(VerificationReport.class).returnResult().getResponseBody();
        assertThat(started.state()).isEqualTo("RUNNING");
        VerificationReport[] last = new VerificationReport[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api.call(HttpMethod.GET, "/api/admin/projections/verify", ApiClient.ADMIN_KEY, null).expectStatus().isOk()
                         .expectBody(VerificationReport.class).returnResult().getResponseBody();
            return !last[0].state().equals("RUNNING");
        });
        assertThat(last[0].id()).isEqualTo(started.id());
        assertThat(last[0].state()).as("%s", last[0]).isEqualTo("DONE");
        return last[0];
    }

    private static VerificationReport.CollectionReport collection(VerificationReport report, String name) {
        return report.collections().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void awaitProjectionsIdle(ApiClient api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.call(HttpMethod.GET, "/api/admin/projections", ApiClient.ADMIN_KEY, null)
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody().stream()
                .allMatch(s -> ((Number) s.get("lag")).longValue() == 0));
    }
}
