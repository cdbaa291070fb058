package org.referrals.infra.eventstore;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
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

    private static Connection durable(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if ("commit".equals(method.getName()) && method.getParameterCount() == 0) {
                checkpoint(connection);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(DurableCommitDataSource.class.getClassLoader(),
                                                   new Class<?>[]{Connection.class}, handler);
    }

    private static Object invoke(Connection target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
