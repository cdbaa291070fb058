package org.referrals.infra.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.PostgresSchema;
import org.referrals.infra.support.RunningApplication;

/** Tampering with the event store on the real PostgreSQL server, in a schema of its own. */
class PostgresAuditTamperingTest extends AuditTamperingContract {

    @TempDir
    static Path dataDir;
    private static PostgresSchema schema;
    private static RunningApplication app;

    @Override
    RunningApplication app() {
        if (app == null) {
            schema = PostgresSchema.create("referrals_audit");
            List<String> properties = new ArrayList<>(List.of(schema.applicationProperties()));
            properties.add("referrals.audit.gap-timeout=0s");
            app = RunningApplication.start(dataDir, properties.toArray(String[]::new));
        }
        return app;
    }

    @AfterAll
    static void dropSchema() {
        if (app != null) {
            app.close();
        }
        if (schema != null) {
            schema.close();
        }
    }
}
