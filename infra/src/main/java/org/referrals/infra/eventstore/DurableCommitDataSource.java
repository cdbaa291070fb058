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
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes every commit on the embedded H2 database durable before it returns.
 * <p>
 * H2's MVStore marks a transaction committed in memory and writes it to the file only from a background thread
 * (every {@code WRITE_DELAY}, 500 ms by default), so a {@code kill -9} right after a commit would lose it. Here
 * each {@link Connection#commit()} is followed by {@code CHECKPOINT SYNC}, which writes the store and fsyncs the
 * file: an event is acknowledged only once it is on disk. (PostgreSQL needs no such help.)
 */
public class DurableCommitDataSource extends DelegatingDataSource {

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
    private static Connection durable(Connection connection) {
        boolean[] wrote = {false};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            Object result = invoke(connection, method, args);
            if ("commit".equals(name) && method.getParameterCount() == 0) {
                if (wrote[0]) {
                    checkpoint(connection);
                }
                wrote[0] = false;
            } else if ("rollback".equals(name) && method.getParameterCount() == 0) {
                wrote[0] = false;
            } else if ("createStatement".equals(name)) {
                return watched(result, Statement.class, null, wrote);
            } else if ("prepareStatement".equals(name) && args[0] instanceof String sql) {
                return watched(result, PreparedStatement.class, sql, wrote);
            } else if ("prepareCall".equals(name) && args[0] instanceof String sql) {
                return watched(result, CallableStatement.class, sql, wrote);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(DurableCommitDataSource.class.getClassLoader(),
                                                   new Class<?>[]{Connection.class}, handler);
    }

    /**
     * A statement that marks its transaction as writing whenever it executes writing SQL: the SQL it was prepared
     * with, or (for a plain statement) the SQL given to {@code execute}; a plain statement's batch counts as writing.
     */
    private static Object watched(Object statement, Class<?> type, String preparedSql, boolean[] wrote) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String given ? given : preparedSql;
                if (sql == null || writes(sql)) {
                    wrote[0] = true;
                }
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(DurableCommitDataSource.class.getClassLoader(), new Class<?>[]{type}, handler);
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

    /** Checkpoints made so far (tests read it). */
    static final java.util.concurrent.atomic.AtomicLong CHECKPOINTS = new java.util.concurrent.atomic.AtomicLong();

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        CHECKPOINTS.incrementAndGet();
    }
}
