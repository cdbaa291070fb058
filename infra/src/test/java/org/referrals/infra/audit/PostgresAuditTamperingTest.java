package org.referrals.infra.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;

/** Tampering with the event store on the real PostgreSQL server, in a schema of its own. */
class PostgresAuditTamperingTest extends AuditTamperingContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "referrals_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    static Path dataDir;
    private static RunningApplication app;

    @Override
    RunningApplication app() {
        if (app == null) {
            try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "")) {
                admin.createStatement().execute("CREATE SCHEMA " + SCHEMA);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            app = RunningApplication.start(dataDir, "referrals.eventstore.url=" + SERVER + "?currentSchema=" + SCHEMA,
                                           "referrals.eventstore.user=postgres", "referrals.audit.gap-timeout=0s");
        }
        return app;
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (app != null) {
            app.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "")) {
            admin.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
