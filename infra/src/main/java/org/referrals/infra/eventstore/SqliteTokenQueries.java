package org.referrals.infra.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's queries for one position or sequence number, written so that "none" is no row rather than a NULL value.
 * Axon reads the one column as {@code getObject(1, Long.class)}, and SQLite's driver refuses a NULL as a Long (it
 * answers "Bad value for type Long"), which on an empty store or a new aggregate stopped the application. With no
 * row Axon answers "none" as it does for NULL elsewhere. Set through the engine's builder, its documented way to
 * change its SQL.
 */
final class SqliteTokenQueries {

    private SqliteTokenQueries() {
    }

    static JdbcEventStorageEngine.Builder apply(JdbcEventStorageEngine.Builder builder) {
        return builder.createTailToken(SqliteTokenQueries::tail)
                      .createHeadToken(SqliteTokenQueries::head)
                      .createTokenAt(SqliteTokenQueries::at)
                      .lastSequenceNumberFor(SqliteTokenQueries::lastSequenceNumber)
                      .fetchTrackedEvents(SqliteTokenQueries::nextPosition);
    }

    /** The first position after the one a processor is at (where its next batch starts), if any. */
    private static PreparedStatement nextPosition(Connection connection, EventSchema schema, long index) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(unlessNull(
                "SELECT min(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " > ?"));
        statement.setLong(1, index);
        return statement;
    }

    private static PreparedStatement tail(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(unlessNull("SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM "
                                                      + schema.domainEventTable()));
    }

    private static PreparedStatement head(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(unlessNull("SELECT max(" + schema.globalIndexColumn() + ") FROM "
                                                      + schema.domainEventTable()));
    }

    private static PreparedStatement at(Connection connection, EventSchema schema, Instant at) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(unlessNull(
                "SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable()
                + " WHERE " + schema.timestampColumn() + " >= ?"));
        statement.setString(1, DateTimeUtils.formatInstant(at));
        return statement;
    }

    private static PreparedStatement lastSequenceNumber(Connection connection, EventSchema schema, String aggregateId)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(unlessNull(
                "SELECT max(" + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?"));
        statement.setString(1, aggregateId);
        return statement;
    }

    /** The single value of an aggregate query, as a row only when it is not NULL. */
    static String unlessNull(String aggregateQuery) {
        return "SELECT v FROM (" + aggregateQuery.replaceFirst("^SELECT (.*?) FROM ", "SELECT $1 AS v FROM ") + ") WHERE v IS NOT NULL";
    }
}
