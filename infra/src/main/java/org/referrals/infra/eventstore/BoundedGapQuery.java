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
 * Axon's default, {@code WHERE (i > ? AND i <= ?) OR i IN (gaps)}, is an {@code OR} that H2 (the embedded store
 * until 2026-12-04) answered by scanning the whole event table on every poll. Bounding the query by the lowest gap
 * and the end of the batch gives every database an index range; the gaps are never older than the gap timeout, so
 * the range stays short. Gaps arise where appends commit out of order (PostgreSQL); SQLite, with one writer at a
 * time, leaves none.
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
