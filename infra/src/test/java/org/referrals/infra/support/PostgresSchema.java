package org.referrals.infra.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the real PostgreSQL server of this machine (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication), for an application to create its tables in; dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create(String prefix) {
        var schema = new PostgresSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    public String name() {
        return name;
    }

    /** The properties that put an application's event store into this schema. */
    public String[] applicationProperties() {
        return new String[] {"referrals.eventstore.url=" + SERVER + "?currentSchema=" + name, "referrals.eventstore.user=postgres"};
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER, "postgres", "");
    }

    private void execute(String sql) {
        try (Connection admin = connect()) {
            admin.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
