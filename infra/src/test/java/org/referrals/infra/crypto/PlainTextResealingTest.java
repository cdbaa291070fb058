package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.referrals.infra.support.PostgresSchema;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data directory of a version before texts were sealed: its referral reasons and notes are JSON strings in the
 * event store. This version seals them at its first start (under the case's key, or drops them for an erased case),
 * leaves no copy in clear in any file, still shows a decline note to the referrer, and its audit chain verifies over
 * the rewritten events; a second start changes nothing. On the embedded SQLite store and on PostgreSQL.
 */
class PlainTextResealingTest {

    private static final String REASON = "Yasmina Oulad-Tefrit needs a check-up";
    private static final String NOTE = "no bed for Yasmina Oulad-Tefrit, call 0612 345 678";
    private static final String ERASED_REASON = "Khadija Benali-Ouchen, follow-up of her injury";
    private static final String[] SOUGHT = {"Oulad-Tefrit", "0612 345 678", "Benali-Ouchen"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void onTheEmbeddedSqliteStore() throws Exception {
        Path data = dir.resolve("data");
        scenario(data, () -> EventStoreDataSources.embedded(data.resolve("eventstore.db")), true);
    }

    @Test
    void onPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("referrals_reseal")) {
            HikariDataSource store = new HikariDataSource();
            store.setJdbcUrl(PostgresSchema.SERVER + "?currentSchema=" + schema.name());
            store.setUsername("postgres");
            scenario(dir.resolve("data"), () -> store, false, schema.applicationProperties());
        }
    }

    /**
     * @param store     the event store's database, opened while the application is stopped
     * @param scanFiles whether the data directory holds the event store (SQLite), so that its files are scanned too
     */
    private void scenario(Path data, Supplier<HikariDataSource> store, boolean scanFiles, String... storeProperties) throws Exception {
        String ownerKey;
        String referral;
        String erasedReferral;
        try (RunningApplication app = start(data, storeProperties)) {
            ApiClient api = new ApiClient(app.web());
            var parties = api.parties("reseal", ServiceCategory.HEALTH_CARE);
            ownerKey = parties.referrerKey();
            String kept = ErasureLeavesNothingTest.register(api, ownerKey, "Yasmina", "Oulad-Tefrit");
            String erased = ErasureLeavesNothingTest.register(api, ownerKey, "Khadija", "Benali-Ouchen");
            referral = refer(api, ownerKey, kept, parties.receiver(), REASON);
            api.act(parties.receiverKey(), referral, "decline", Map.of("reasonCode", "NO_CAPACITY", "note", NOTE));
            erasedReferral = refer(api, ownerKey, erased, parties.receiver(), ERASED_REASON);
            api.post("/api/cases/" + erased + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
               .expectStatus().isOk();
        }
        try (HikariDataSource earlier = store.get()) {
            writtenByAnEarlierVersion(new JdbcTemplate(earlier), referral, erasedReferral);
        }
        if (scanFiles) {
            assertThat(StoredBytes.filesContaining(StoredBytes.files(data), SOUGHT)).as("the scan sees texts in clear").isNotEmpty();
        }

        try (RunningApplication app = start(data, storeProperties)) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT events_rewritten || ' events, ' || texts_sealed || ' sealed, ' || texts_dropped "
                                           + "|| ' dropped, links forgotten: ' || links_forgotten FROM text_resealing", String.class))
                    .isEqualTo("3 events, 2 sealed, 1 dropped, links forgotten: 1");
            for (String sought : SOUGHT) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE payload LIKE ?", Long.class, "%" + sought + "%"))
                        .as("events with %s", sought).isZero();
            }
            if (scanFiles) {
                assertThat(StoredBytes.filesContaining(StoredBytes.files(data), SOUGHT)).isEmpty();
            }
            assertThat(payload(jdbc, referral, "ReferralRequested").path("reason").path("algorithm").asText()).isEqualTo("AES-256-GCM");
            assertThat(payload(jdbc, erasedReferral, "ReferralRequested").get("reason").isNull()).isTrue();

            ApiClient api = new ApiClient(app.web());
            assertThat(api.call(HttpMethod.GET, "/api/referrals/" + referral, ownerKey, null).expectStatus().isOk()
                          .expectBody(Map.class).returnResult().getResponseBody().get("declineNote")).isEqualTo(NOTE);
            Map<?, ?> verification = api.call(HttpMethod.GET, "/api/audit/verify", ApiClient.ADMIN_KEY, null).expectStatus().isOk()
                                        .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(verification.get("verified")).isEqualTo(true);
            assertThat(((Number) verification.get("checkedEvents")).longValue())
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class));
        }
        if (scanFiles) {
            assertThat(StoredBytes.filesContaining(StoredBytes.files(data), SOUGHT)).as("after a clean stop").isEmpty();
        }

        try (RunningApplication again = start(data, storeProperties)) {
            assertThat(again.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM text_resealing", Integer.class))
                    .as("one re-sealing, at the first start").isEqualTo(1);
        }
    }

    private static RunningApplication start(Path data, String... storeProperties) {
        List<String> properties = new ArrayList<>(List.of(storeProperties));
        properties.add("referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY);
        return RunningApplication.start(data, properties.toArray(String[]::new));
    }

    private static String refer(ApiClient api, String key, String caseId, String toPartnerId, String reason) {
        return api.post("/api/referrals", key, Map.of("caseId", caseId, "toPartnerId", toPartnerId, "serviceCategory", "HEALTH_CARE",
                                                      "urgency", "PRIORITY", "reason", reason))
                  .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
    }

    /** The store as a version before 2026-12-05 left it: texts as JSON strings, no re-sealing recorded. */
    private static void writtenByAnEarlierVersion(JdbcTemplate jdbc, String referral, String erasedReferral) throws Exception {
        inClear(jdbc, referral, "ReferralRequested", "reason", REASON);
        inClear(jdbc, referral, "ReferralDeclined", "note", NOTE);
        inClear(jdbc, erasedReferral, "ReferralRequested", "reason", ERASED_REASON);
        jdbc.execute("DROP TABLE text_resealing");
    }

    private static void inClear(JdbcTemplate jdbc, String aggregate, String event, String field, String text) throws Exception {
        ObjectNode payload = (ObjectNode) payload(jdbc, aggregate, event);
        payload.put(field, text);
        assertThat(jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND payloadType = ?",
                               JSON.writeValueAsString(payload), aggregate, "org.referrals.api.referral." + event)).isOne();
    }

    private static JsonNode payload(JdbcTemplate jdbc, String aggregate, String event) throws Exception {
        return JSON.readTree(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?",
                                                 String.class, aggregate, "org.referrals.api.referral." + event));
    }
}
