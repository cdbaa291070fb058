package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.AbstractEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.readmodels.ReadModelsCaughtUp;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data directory of a version before 2026-12-04, whose event store was an H2 file, starts without loss: every
 * event (at its position, so the audit chain is the same), case key and response deadline is there, and the read
 * models are rebuilt from them. The earlier directory is made from a real one: the application writes a network,
 * and its SQLite tables are then copied into an H2 file laid out as the earlier version laid it out.
 */
class EarlierDataDirectoryTest {

    private static final List<String> TABLES = List.of("DomainEventEntry", "SnapshotEventEntry", "case_data_key", "referral_deadline");

    @TempDir
    Path dataDir;

    @Test
    void anH2EventStoreIsMovedToSqliteAndEverythingInItIsThere() throws Exception {
        String referralId;
        String referral;
        String coordinatorKey;
        String referrerKey;
        Object auditHead;
        Map<String, Long> rows;
        try (var first = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(first.web());
            var parties = api.parties("earlier", ServiceCategory.LEGAL_AID);
            referrerKey = parties.referrerKey();
            coordinatorKey = api.coordinatorKey();
            referralId = api.refer(referrerKey, api.caseOf(referrerKey), parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
            referral = await().atMost(Duration.ofSeconds(10)).until(() -> read(api, "/api/referrals/" + referralId, referrerKey), java.util.Objects::nonNull);
            auditHead = audit(api, coordinatorKey).get("headHash");
            rows = counts(new JdbcTemplate(first.bean(DataSource.class)));
        }
        assertThat(rows.get("case_data_key")).isEqualTo(1);
        assertThat(rows.get("referral_deadline")).isEqualTo(1);

        toEarlierLayout(dataDir);
        assertThat(dataDir.resolve(EmbeddedEventStoreFiles.SQLITE)).doesNotExist();

        try (var second = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            assertThat(dataDir.resolve(EmbeddedEventStoreFiles.H2)).doesNotExist();
            assertThat(dataDir.resolve(EmbeddedEventStoreFiles.H2_MIGRATED)).exists();
            assertThat(counts(new JdbcTemplate(second.bean(DataSource.class)))).isEqualTo(rows);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.bean(ReadModelsCaughtUp.class).caughtUp());
            ApiClient api = new ApiClient(second.web());
            // the keys issued before (events too) still authenticate, the referral reads as it did, the chain is the same
            assertThat(read(api, "/api/referrals/" + referralId, referrerKey)).isEqualTo(referral);
            Map<String, Object> verified = audit(api, coordinatorKey);
            assertThat(verified).containsEntry("verified", true).containsEntry("headHash", auditHead);
        }
    }

    /** A crash after the copy's commit and before the H2 file's rename: the next start renames, and copies nothing. */
    @Test
    void aMoveInterruptedBeforeTheRenameIsFinishedAtTheNextStart() throws Exception {
        try (var app = RunningApplication.start(dataDir)) {
            app.send(org.referrals.infra.support.Samples.partner("moved-once"), org.referrals.infra.support.Samples.COORDINATOR);
        }
        toEarlierLayout(dataDir);
        Path h2 = dataDir.resolve(EmbeddedEventStoreFiles.H2);
        Path kept = Files.copy(h2, dataDir.resolve("kept.mv.db"));
        try (var sqlite = EventStoreDataSources.embedded(dataDir.resolve(EmbeddedEventStoreFiles.SQLITE))) {
            EmbeddedEventStoreFiles.migrateFromH2(dataDir, sqlite);
            Files.move(kept, h2); // as if the rename had not happened
            Files.delete(dataDir.resolve(EmbeddedEventStoreFiles.H2_MIGRATED));
            Map<String, Long> moved = counts(new JdbcTemplate(sqlite));

            EmbeddedEventStoreFiles.migrateFromH2(dataDir, sqlite);
            assertThat(counts(new JdbcTemplate(sqlite))).isEqualTo(moved);
            assertThat(h2).doesNotExist();
            assertThat(dataDir.resolve(EmbeddedEventStoreFiles.H2_MIGRATED)).exists();
        }
    }

    /** The answer's body when it is 200, else null. */
    private static String read(ApiClient api, String path, String key) {
        var answer = api.call(HttpMethod.GET, path, key, null).expectBody(String.class).returnResult();
        return answer.getStatus().value() == 200 ? answer.getResponseBody() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> audit(ApiClient api, String coordinatorKey) {
        return api.call(HttpMethod.GET, "/api/audit/verify", coordinatorKey, null).expectStatus().isOk()
                  .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Long> counts(JdbcTemplate sql) {
        return TABLES.stream().collect(java.util.stream.Collectors.toMap(
                table -> table, table -> sql.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    }

    /** The SQLite store's rows in an H2 file with the earlier version's tables, and the SQLite files gone. */
    private static void toEarlierLayout(Path dataDir) throws Exception {
        Path sqlite = dataDir.resolve(EmbeddedEventStoreFiles.SQLITE);
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Connection to = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore"), "sa", "")) {
            EventSchema schema = EventSchema.builder().build();
            H2_TABLES.createDomainEventTable(to, schema).execute();
            H2_TABLES.createSnapshotEventTable(to, schema).execute();
            try (Statement ddl = to.createStatement()) {
                ddl.execute("CREATE TABLE case_data_key (case_id VARCHAR(64) PRIMARY KEY, wrapped_key VARBINARY(128) NOT NULL, "
                            + "created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, blind_index VARCHAR(64), "
                            + "closed_at TIMESTAMP WITH TIME ZONE)");
                ddl.execute("CREATE TABLE referral_deadline (referral_id VARCHAR(64) PRIMARY KEY, respond_by TIMESTAMP NOT NULL, "
                            + "expires_at TIMESTAMP NOT NULL, overdue_recorded BOOLEAN DEFAULT FALSE NOT NULL)");
            }
            for (String table : TABLES) {
                copy(from, to, table);
            }
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(dataDir.resolve(EmbeddedEventStoreFiles.SQLITE + suffix));
        }
    }

    private static void copy(Connection from, Connection to, String table) throws Exception {
        try (Statement read = from.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            StringBuilder names = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                names.append(i > 1 ? ", " : "").append(rows.getMetaData().getColumnName(i));
            }
            String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
            try (PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String name = rows.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        boolean time = name.endsWith("_at") || name.equals("respond_by");
                        insert.setObject(i, time && rows.getObject(i) != null ? new java.sql.Timestamp(rows.getLong(i)) : rows.getObject(i));
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The earlier version's event tables on H2 (an identity global index, JSON as text). */
    private static final AbstractEventTableFactory H2_TABLES = new AbstractEventTableFactory() {
        @Override
        protected String idColumnType() {
            return "BIGINT GENERATED BY DEFAULT AS IDENTITY";
        }

        @Override
        protected String payloadType() {
            return "CHARACTER VARYING";
        }
    };
}
