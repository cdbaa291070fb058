package org.referrals.infra.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The query a tracking processor uses while its token has gaps (positions taken by transactions not committed yet),
 * with the range of positions it may touch stated explicitly.
 * <p>
 * Axon's default, {@code WHERE (i > ? AND i <= ?) OR i IN (gaps)}, is an {@code OR} that H2 cannot answer from the
 * primary key: it scans the whole event table on every poll. With a thousand events that was most of the CPU of
 * the application under load; with a million it would be all of it. Bounding the query by the lowest gap and the
 * end of the batch gives H2 (and PostgreSQL) an index range; the gaps are never older than the gap timeout, so the
 * range stays short.
 */
final class BoundedGapQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        return bind(connection.prepareStatement(sql(schema, gaps.size())), globalIndex, batchSize, gaps);
    }

    static String sql(EventSchema schema, int gapCount) {
        String index = schema.globalIndexColumn();
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ?"
                + " AND ((" + index + " > ? AND " + index + " <= ?) OR " + index + " IN ("
                + String.join(",", Collections.nCopies(gapCount, "?")) + "))"
                + " ORDER BY " + index + " ASC";
    }

    static PreparedStatement bind(PreparedStatement statement, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        long upper = globalIndex + batchSize;
        // a token's gaps lie below its index; the bounds hold whatever is passed
        statement.setLong(1, Math.min(Collections.min(gaps), globalIndex));
        statement.setLong(2, Math.max(Collections.max(gaps), upper));
        statement.setLong(3, globalIndex);
        statement.setLong(4, upper);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 5, gaps.get(i));
        }
        return statement;
    }
}
