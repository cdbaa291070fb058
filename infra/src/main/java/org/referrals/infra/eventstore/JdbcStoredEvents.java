package org.referrals.infra.eventstore;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.referrals.query.audit.StoredEvent;
import org.referrals.query.audit.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The audit chain's view of Axon's event table (default schema, JSON text columns), read with plain SQL. */
public class JdbcStoredEvents implements StoredEvents {

    private static final String COLUMNS = "SELECT globalIndex, eventIdentifier, payloadType, aggregateIdentifier, "
            + "sequenceNumber, timeStamp, metaData, payload FROM DomainEventEntry ";
    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
            rs.getString(7), rs.getString(8));

    private final JdbcTemplate jdbc;

    public JdbcStoredEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return jdbc.query(COLUMNS + "WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?", ROW, position, limit);
    }

    @Override
    public List<StoredEvent> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(positions.size(), "?"));
        return jdbc.query(COLUMNS + "WHERE globalIndex IN (" + marks + ") ORDER BY globalIndex", ROW,
                          positions.toArray());
    }

    @Override
    public List<StoredEvent> withIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
        return jdbc.query(COLUMNS + "WHERE eventIdentifier IN (" + marks + ") ORDER BY globalIndex", ROW, eventIds.toArray());
    }
}
