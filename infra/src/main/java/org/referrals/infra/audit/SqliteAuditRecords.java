package org.referrals.infra.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.referrals.query.audit.AuditRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The audit chain's links on the embedded default: a SQLite file of their own ({@code audit-chain.db}), apart from
 * the event store's file they protect, with the same durable settings. Someone who rewrites events while the
 * application is stopped must rewrite this file too, and a signed checkpoint (README) catches that.
 */
public final class SqliteAuditRecords implements AuditRecords, AutoCloseable {

    public static final String FILE = "audit-chain.db";
    private static final String COLUMNS = "SELECT position, n, event_id, prev_hash, hash FROM audit_link ";
    private static final RowMapper<Link> LINK = (rs, row) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                                                      rs.getString(4), rs.getString(5));

    private final HikariDataSource file;
    private final JdbcTemplate jdbc;

    public SqliteAuditRecords(Path path) {
        this.file = EventStoreDataSources.embedded(path);
        this.file.setPoolName("audit-chain");
        this.file.setMaximumPoolSize(2);
        this.jdbc = new JdbcTemplate(file);
        jdbc.execute("CREATE TABLE IF NOT EXISTS audit_link (position INTEGER PRIMARY KEY, n INTEGER NOT NULL, "
                     + "event_id TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)");
        // timelines find their events' links by the event's identifier (built once on a file of an earlier version)
        jdbc.execute("CREATE INDEX IF NOT EXISTS audit_link_event ON audit_link (event_id)");
    }

    @Override
    public Optional<Link> last() {
        return jdbc.query(COLUMNS + "ORDER BY position DESC LIMIT 1", LINK).stream().findFirst();
    }

    @Override
    public void record(List<Link> links) {
        if (!links.isEmpty()) {
            jdbc.batchUpdate("INSERT OR REPLACE INTO audit_link (position, n, event_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
                             links.stream().map(l -> new Object[] {l.position(), l.n(), l.eventId(), l.prevHash(), l.hash()}).toList());
        }
    }

    @Override
    public void forgetFrom(long position) {
        jdbc.update("DELETE FROM audit_link WHERE position >= ?", position);
    }

    @Override
    public List<Link> between(long position, long upTo, int limit) {
        return jdbc.query(COLUMNS + "WHERE position > ? AND position <= ? ORDER BY position LIMIT ?", LINK, position, upTo, limit);
    }

    @Override
    public Map<String, Link> ofEvents(Collection<String> eventIds) {
        Map<String, Link> links = new HashMap<>();
        if (!eventIds.isEmpty()) {
            String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
            jdbc.query(COLUMNS + "WHERE event_id IN (" + marks + ")", LINK, eventIds.toArray())
                .forEach(link -> links.put(link.eventId(), link));
        }
        return links;
    }

    @Override
    public void close() {
        file.close();
    }
}
