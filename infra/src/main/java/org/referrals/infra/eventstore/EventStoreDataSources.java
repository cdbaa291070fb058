package org.referrals.infra.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the pool for the event store database (also home of the case key store). */
public final class EventStoreDataSources {

    /** How long a transaction waits for SQLite's write lock before it fails. */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private EventStoreDataSources() {
    }

    /**
     * The embedded default: a SQLite file, configured only through SQLite's documented settings (README, "Decisions
     * worth knowing").
     * <ul>
     *   <li>{@code journal_mode=WAL} with {@code synchronous=FULL}: a commit returns once its write-ahead log is
     *       synced to disk, so nothing is acknowledged that a crash could lose;</li>
     *   <li>{@code secure_delete=ON}: a deleted row (an erased case's key) is overwritten with zeros, not left in a
     *       free page;</li>
     *   <li>a busy timeout: a writer waits for another's commit rather than failing. Commands are the only writers
     *       and are handled one at a time ({@link SingleWriterCommands}); readers never wait for them.</li>
     * </ul>
     */
    public static HikariDataSource embedded(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("eventstore-sqlite");
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(10);
        pool.setConnectionTimeout(BUSY_TIMEOUT_MS);
        return pool;
    }

    /** An external database, e.g. {@code jdbc:postgresql://host:5432/referrals}. */
    public static HikariDataSource external(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("eventstore");
        pool.setJdbcUrl(url);
        pool.setUsername(user == null || user.isBlank() ? null : user);
        pool.setPassword(password == null || password.isBlank() ? null : password);
        pool.setMaximumPoolSize(10);
        // the database unreachable: a command waits 5 s for a connection, not Hikari's 30, then answers 503
        pool.setConnectionTimeout(5_000);
        return pool;
    }

    public static boolean isPostgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }
}
