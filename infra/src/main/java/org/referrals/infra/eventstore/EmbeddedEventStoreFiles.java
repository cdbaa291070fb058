package org.referrals.infra.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.referrals.infra.crypto.CaseKeyStore;
import org.referrals.infra.deadlines.JdbcResponseDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store's files, and the move from the H2 file that versions before 2026-12-04 kept it in.
 * <p>
 * At the first start on such a data directory every row of H2's tables (the events with their positions, so the
 * audit chain stays the same, snapshots, case keys, response deadlines) is copied into the new SQLite file in one
 * transaction; only once that has committed is the H2 file renamed {@code eventstore.mv.db.migrated}. A crash during
 * the copy leaves the H2 file as it was and an empty SQLite file, and the next start copies again; a crash after the
 * copy and before the rename finds as many events in both, and renames. The old read models' file
 * ({@code mongo.mv.db}) is no longer read: read models are rebuilt in memory at every start.
 */
public final class EmbeddedEventStoreFiles {

    /** The SQLite file of the event store and the case key store. */
    public static final String SQLITE = "eventstore.db";
    static final String H2 = "eventstore.mv.db";
    static final String H2_MIGRATED = "eventstore.mv.db.migrated";
    private static final String OLD_READ_MODELS = "mongo.mv.db";
    private static final String EVENTS = "DomainEventEntry";
    private static final List<String> TABLES = List.of(EVENTS, "SnapshotEventEntry", "case_data_key", "referral_deadline");
    private static final int BATCH = 1_000;
    private static final long PROGRESS_EVERY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventStoreFiles.class);

    private EmbeddedEventStoreFiles() {
    }

    /** Copies an H2 event store of an earlier version into the (still empty) SQLite one, if there is one. */
    public static void migrateFromH2(Path dataDirectory, DataSource sqlite) {
        Path h2File = dataDirectory.resolve(H2);
        if (Files.exists(dataDirectory.resolve(OLD_READ_MODELS))) {
            log.info("{} in the data directory is no longer used (read models are rebuilt in memory at start): "
                     + "it may be deleted", OLD_READ_MODELS);
        }
        if (!Files.exists(h2File)) {
            return;
        }
        JdbcTemplate target = new JdbcTemplate(sqlite);
        createTables(target);
        String url = "jdbc:h2:file:" + h2File.toString().replaceFirst("\\.mv\\.db$", "") + ";ACCESS_MODE_DATA=r";
        long started = System.nanoTime();
        try (Connection from = DriverManager.getConnection(url, "sa", ""); Connection to = sqlite.getConnection()) {
            long events = count(from, EVENTS);
            long there = count(to, EVENTS);
            if (there == events) {
                log.info("the event store was moved to SQLite before ({} events); the H2 file was not renamed yet", events);
            } else if (there > 0) {
                throw new IllegalStateException("the data directory holds an H2 event store (" + H2 + ", " + events
                        + " events) and a SQLite one (" + SQLITE + ", " + there + " events): move one of them away (README)");
            } else {
                log.info("moving the event store from H2 ({}) to SQLite ({}): {} events", H2, SQLITE, events);
                to.setAutoCommit(false);
                for (String table : TABLES) {
                    copy(from, to, table);
                }
                to.commit();
                long copied = count(to, EVENTS);
                if (copied != events) {
                    throw new IllegalStateException("moved " + copied + " of " + events + " events; the H2 file is kept");
                }
                log.info("event store moved to SQLite: {} events in {} s", copied, (System.nanoTime() - started) / 1_000_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the event store from " + h2File + " to SQLite; the H2 file is kept", e);
        }
        try {
            Files.move(h2File, dataDirectory.resolve(H2_MIGRATED), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("moved the events, but cannot rename " + h2File, e);
        }
        log.info("the H2 file is kept as {}: delete it once the application runs as it should", H2_MIGRATED);
    }

    /** The tables of every owner, so that rows can be copied in before the owners start. */
    static void createTables(JdbcTemplate sqlite) {
        sqlite.execute((Connection connection) -> {
            JsonEventTableFactory.SQLITE.createDomainEventTable(connection, EventSchema.builder().build()).execute();
            JsonEventTableFactory.SQLITE.createSnapshotEventTable(connection, EventSchema.builder().build()).execute();
            return null;
        });
        CaseKeyStore.createTable(sqlite, true);
        JdbcResponseDeadlines.createTable(sqlite);
    }

    private static void copy(Connection from, Connection to, String table) throws SQLException {
        long total = count(from, table);
        try (Statement read = from.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            long done = 0;
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, value(rows, meta.getColumnType(i), i));
                    }
                    write.addBatch();
                    if (++done % BATCH == 0) {
                        write.executeBatch();
                    }
                    if (done % PROGRESS_EVERY == 0) {
                        log.info("moving {}: {} of {} rows ({} %)", table, done, total, done * 100 / Math.max(1, total));
                    }
                }
                write.executeBatch();
            }
        }
    }

    /** Times as {@link java.sql.Timestamp} (SQLite's driver stores them as milliseconds), everything else as read. */
    private static Object value(ResultSet rows, int type, int column) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> rows.getTimestamp(column);
            case Types.BOOLEAN -> rows.getObject(column) == null ? null : rows.getBoolean(column);
            default -> rows.getObject(column);
        };
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
