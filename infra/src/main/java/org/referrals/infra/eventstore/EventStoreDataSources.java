package org.referrals.infra.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** Builds the pool for the event store database (also home of the case key store). */
public final class EventStoreDataSources {

    private EventStoreDataSources() {
    }

    /** The embedded default: an H2 file database, durable on every commit. */
    public static HikariDataSource embeddedH2(Path file) {
        JdbcDataSource h2 = new JdbcDataSource();
        // Spring closes the pool at shutdown; H2's own shutdown hook must not close the database before that.
        h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        h2.setPassword("");
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("eventstore-h2");
        pool.setDataSource(new DurableCommitDataSource(h2));
        pool.setMaximumPoolSize(20); // commands, four processing groups, the audit chain and the scans share it
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
