package org.referrals.infra.eventstore;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes every commit on the embedded H2 database durable before it returns.
 * <p>
 * H2's MVStore marks a transaction committed in memory and writes it to the file only from a background thread
 * (every {@code WRITE_DELAY}, 500 ms by default), so a {@code kill -9} right after a commit would lose it. Here
 * each {@link Connection#commit()} is followed by {@code CHECKPOINT SYNC}, which writes the store and fsyncs the
 * file: an event is acknowledged only once it is on disk, and the event streams read it only then. (PostgreSQL needs
 * no such help: a commit is durable when others see it.)
 */
public class DurableCommitDataSource extends DelegatingDataSource {

    /**
     * Held exclusively from a writing commit to the end of its checkpoint, shared by the event streams' reads: H2
     * shows a committed event to other connections before the checkpoint has written it, so a processor could
     * project an event that a kill in between then lost (the kill -9 harness found a referral's read models accepted
     * with no accept in the store). A stream's read now sees an event only once it is durable.
     */
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();

    public DurableCommitDataSource(DataSource h2) {
        super(h2);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(super.getConnection(username, password));
    }

    /**
     * Only a transaction that executed a writing statement is made durable: a checkpoint fsyncs under H2's global
     * lock, and the projections' and the audit chain's many reads would otherwise each pay for one. Statements are
     * watched when they execute, not when prepared, because a prepared statement may run again in later transactions.
     */
    private Connection durable(Connection connection) {
        boolean[] wrote = {false};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ("commit".equals(name) && method.getParameterCount() == 0 && wrote[0]) {
                wrote[0] = false;
                // visible and durable as one step for the event streams' reads (see the class)
                visibility.writeLock().lock();
                try {
                    invoke(connection, method, args);
                    BEFORE_CHECKPOINT.get().run();
                    checkpoint(connection);
                } finally {
                    visibility.writeLock().unlock();
                }
                return null;
            }
            Object result = invoke(connection, method, args);
            if (("commit".equals(name) || "rollback".equals(name)) && method.getParameterCount() == 0) {
                wrote[0] = false;
            } else if ("createStatement".equals(name)) {
                return watched(result, Statement.class, null, wrote, visibility);
            } else if ("prepareStatement".equals(name) && args[0] instanceof String sql) {
                return watched(result, PreparedStatement.class, sql, wrote, visibility);
            } else if ("prepareCall".equals(name) && args[0] instanceof String sql) {
                return watched(result, CallableStatement.class, sql, wrote, visibility);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(DurableCommitDataSource.class.getClassLoader(),
                                                   new Class<?>[]{Connection.class}, handler);
    }

    /** What a statement's SQL does, as far as durability and the event streams care. */
    private enum Kind {
        WRITES, READS_EVENT_STREAM, READS;

        /** Unknown SQL (a plain statement's batch) counts as writing. */
        static Kind of(String sql) {
            return sql == null || writes(sql) ? WRITES : readsEventStream(sql) ? READS_EVENT_STREAM : READS;
        }
    }

    /**
     * A statement that marks its transaction as writing whenever it executes writing SQL: the SQL it was prepared
     * with (classified once, here: statements are executed far more often than prepared), or (for a plain statement)
     * the SQL given to {@code execute}; a plain statement's batch counts as writing.
     */
    private static Object watched(Object statement, Class<?> type, String preparedSql, boolean[] wrote,
                                  ReentrantReadWriteLock visibility) {
        Kind prepared = Kind.of(preparedSql);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                Kind kind = args != null && args.length > 0 && args[0] instanceof String given ? Kind.of(given) : prepared;
                if (kind == Kind.WRITES) {
                    wrote[0] = true;
                } else if (kind == Kind.READS_EVENT_STREAM) {
                    visibility.readLock().lock();
                    try {
                        return invoke(statement, method, args);
                    } finally {
                        visibility.readLock().unlock();
                    }
                }
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(DurableCommitDataSource.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    /**
     * The event stream's reads, by position ({@code globalIndex}), which the tracking processors and sagas follow;
     * an aggregate's own events ({@code aggregateIdentifier = ?}) are read by commands, which a crash undoes with
     * the event (they are answered only after its checkpoint).
     */
    static boolean readsEventStream(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("domainevententry") && lower.contains("globalindex") && !lower.contains("aggregateidentifier =")
               && !lower.contains("aggregateidentifier=");
    }

    static boolean writes(String sql) {
        String head = sql.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        return switch (head.substring(0, end).toUpperCase(java.util.Locale.ROOT)) {
            case "SELECT", "VALUES", "WITH", "SHOW", "EXPLAIN", "" -> false;
            default -> true; // INSERT, UPDATE, DELETE, MERGE, CREATE, DROP, CALL... and anything unknown
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Run between a writing commit and its checkpoint (tests hold a commit there). */
    static final java.util.concurrent.atomic.AtomicReference<Runnable> BEFORE_CHECKPOINT =
            new java.util.concurrent.atomic.AtomicReference<>(() -> { });

    /** Checkpoints made so far (tests read it). */
    static final java.util.concurrent.atomic.AtomicLong CHECKPOINTS = new java.util.concurrent.atomic.AtomicLong();

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        CHECKPOINTS.incrementAndGet();
    }
}
