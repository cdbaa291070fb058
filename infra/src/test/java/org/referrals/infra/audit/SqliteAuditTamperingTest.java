package org.referrals.infra.audit;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;

/** Tampering with the embedded SQLite event store. */
class SqliteAuditTamperingTest extends AuditTamperingContract {

    @TempDir
    static Path dataDir;
    private static RunningApplication app;

    @Override
    RunningApplication app() {
        if (app == null) {
            app = RunningApplication.start(dataDir, "referrals.audit.gap-timeout=0s");
        }
        return app;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }
}
