package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;

/**
 * The bounded query finds exactly the rows of Axon's default query for any position, batch and set of gaps, and SQLite
 * answers it from an index range instead of scanning the table.
 */
class BoundedGapQueryTest {

    private static final EventSchema SCHEMA = EventSchema.builder().build();
    private static final int EVENTS = 300;
    private static Connection connection;

    private static synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = events();
        }
        return connection;
    }

    private static Connection events() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        JsonEventTableFactory.SQLITE.createDomainEventTable(connection, SCHEMA).execute();
        // positions with holes in them, as rolled-back transactions leave
        try (var insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, "
                + "aggregateIdentifier, sequenceNumber, type, payloadType, payload, timeStamp) VALUES (?, ?, ?, 0, 't', 'p', '{}', 'now')")) {
            for (int i = 1; i <= EVENTS; i++) {
                if (i % 7 != 0) {
                    insert.setLong(1, i);
                    insert.setString(2, "e" + i);
                    insert.setString(3, "a" + i);
                    insert.executeUpdate();
                }
            }
        }
        return connection;
    }

    @Property(tries = 300)
    void findsTheSameEventsAsAxonsDefault(@ForAll @IntRange(min = 0, max = EVENTS) int position,
                                          @ForAll @IntRange(min = 1, max = 120) int batchSize,
                                          @ForAll @Size(min = 1, max = 30) Set<@IntRange(min = 1, max = EVENTS) Integer> gapSet)
            throws SQLException {
        List<Long> gaps = new ArrayList<>(new TreeSet<>(gapSet).stream().map(Long::valueOf).toList());
        var expected = positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection(), SCHEMA, position, batchSize, gaps));
        var actual = positions(new BoundedGapQuery().build(connection(), SCHEMA, position, batchSize, gaps));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void isAnsweredFromAnIndexRange() throws SQLException {
        List<Long> gaps = List.of(10L, 12L);
        var explain = BoundedGapQuery.bind(connection().prepareStatement("EXPLAIN QUERY PLAN " + BoundedGapQuery.sql(SCHEMA, 2)), 20, 20, gaps);
        assertThat(plan(explain)).contains("SEARCH").contains("INTEGER PRIMARY KEY (rowid>? AND rowid<?)").doesNotContain("SCAN");
    }

    /** SQLite's plan, one step a line. */
    private static String plan(PreparedStatement explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (explain; ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
        }
        return found;
    }
}
