package org.referrals.infra.crypto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrapped data keys of cases, one row per case, in table {@code case_data_key} of the event store's database
 * (kept apart from the event table). Writes join the command's transaction, so a case's key commits together with
 * the event that needs it, and neither is acknowledged before both are durable.
 */
public class CaseKeyStore {

    private final JdbcTemplate jdbc;

    private final boolean sqlite;

    /** @param sqlite the embedded SQLite database, else PostgreSQL */
    public CaseKeyStore(DataSource dataSource, boolean sqlite) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sqlite = sqlite;
        createTable(jdbc, sqlite);
    }

    /**
     * The table, where it is missing. The blind index and the closure time live and die with the key: erasure
     * deletes the row. SQLite keeps times as milliseconds since the epoch (its JDBC driver's default for timestamps).
     */
    public static void createTable(JdbcTemplate jdbc, boolean sqlite) {
        if (sqlite) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS case_data_key ("
                                 + "case_id TEXT PRIMARY KEY, "
                                 + "wrapped_key BLOB NOT NULL, "
                                 + "created_at INTEGER DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL, "
                                 + "blind_index TEXT, "
                                 + "closed_at INTEGER)");
        } else {
            jdbc.execute("CREATE TABLE IF NOT EXISTS case_data_key ("
                                 + "case_id VARCHAR(64) PRIMARY KEY, "
                                 + "wrapped_key BYTEA NOT NULL, "
                                 + "created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            jdbc.execute("ALTER TABLE case_data_key ADD COLUMN IF NOT EXISTS blind_index VARCHAR(64)");
            jdbc.execute("ALTER TABLE case_data_key ADD COLUMN IF NOT EXISTS closed_at TIMESTAMP WITH TIME ZONE");
        }
        jdbc.execute("CREATE INDEX IF NOT EXISTS case_data_key_blind_index ON case_data_key (blind_index)");
    }

    /** One case's wrapped key, any, to check that the master key opens this store's keys. */
    public Optional<Map.Entry<String, byte[]>> anyKey() {
        return jdbc.query("SELECT case_id, wrapped_key FROM case_data_key LIMIT 1",
                          rs -> rs.next() ? Optional.of(Map.entry(rs.getString(1), rs.getBytes(2))) : Optional.empty());
    }

    public Optional<byte[]> find(String caseId) {
        return jdbc.query("SELECT wrapped_key FROM case_data_key WHERE case_id = ?",
                          rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), caseId);
    }

    public void insert(String caseId, byte[] wrappedKey) {
        jdbc.update("INSERT INTO case_data_key (case_id, wrapped_key) VALUES (?, ?)", caseId, wrappedKey);
    }

    public void setBlindIndex(String caseId, String blindIndex) {
        jdbc.update("UPDATE case_data_key SET blind_index = ? WHERE case_id = ?", blindIndex, caseId);
    }

    /** The cases with this blind index, other than {@code caseId}: the 20 oldest (enough to point a coordinator to them). */
    public List<String> casesWithBlindIndex(String blindIndex, String caseId) {
        return jdbc.queryForList("SELECT case_id FROM case_data_key WHERE blind_index = ? AND case_id <> ? "
                                         + "ORDER BY created_at, case_id LIMIT 20", String.class, blindIndex, caseId);
    }

    /** The cases with the same blind index as {@code caseId}, other than it: the 20 oldest. */
    public List<String> casesLike(String caseId) {
        return jdbc.queryForList("SELECT other.case_id FROM case_data_key other JOIN case_data_key given "
                                         + "ON other.blind_index = given.blind_index AND other.case_id <> given.case_id "
                                         + "WHERE given.case_id = ? ORDER BY other.created_at, other.case_id LIMIT 20",
                                 String.class, caseId);
    }

    /** Groups of cases sharing a blind index, the most recently joined first: one page of them, each oldest first. */
    public List<List<String>> duplicateGroups(int offset, int limit) {
        List<String> indexes = jdbc.queryForList("SELECT blind_index FROM case_data_key WHERE blind_index IS NOT NULL "
                                                         + "GROUP BY blind_index HAVING count(*) > 1 "
                                                         + "ORDER BY max(created_at) DESC, blind_index LIMIT ? OFFSET ?",
                                                 String.class, limit, offset);
        List<List<String>> groups = new java.util.ArrayList<>();
        for (String index : indexes) {
            groups.add(jdbc.queryForList("SELECT case_id FROM case_data_key WHERE blind_index = ? ORDER BY created_at, case_id",
                                         String.class, index));
        }
        return groups;
    }

    public long duplicateGroupCount() {
        return jdbc.queryForObject("SELECT count(*) FROM (SELECT blind_index FROM case_data_key WHERE blind_index IS NOT NULL "
                                           + "GROUP BY blind_index HAVING count(*) > 1) shared", Long.class);
    }

    public void setClosedAt(String caseId, Instant closedAt) {
        jdbc.update("UPDATE case_data_key SET closed_at = ? WHERE case_id = ?", Timestamp.from(closedAt), caseId);
    }

    public List<String> closedBefore(Instant cutoff, int limit) {
        return jdbc.queryForList("SELECT case_id FROM case_data_key WHERE closed_at < ? ORDER BY closed_at, case_id LIMIT ?",
                                 String.class, Timestamp.from(cutoff), limit);
    }

    /** Destroys the key: afterwards nothing sealed under it can be opened. Answers whether a key was there. */
    public boolean delete(String caseId) {
        return jdbc.update("DELETE FROM case_data_key WHERE case_id = ?", caseId) > 0;
    }

    /**
     * After a committed deletion, on SQLite: {@code secure_delete} zeroed the row in the new version of its page, but
     * the write-ahead log still holds the page's earlier versions, with the key. A {@code TRUNCATE} checkpoint copies
     * the zeroed page into the database file and empties the log (SQLite's documented PRAGMA). Answers false when
     * readers kept it from completing (it is done again at the next erasure, and SQLite does it at a clean stop).
     */
    public boolean forgetDeleted() {
        if (!sqlite) {
            return true; // PostgreSQL: VACUUM and its WAL archive are the operator's (README, Data protection)
        }
        return jdbc.query("PRAGMA wal_checkpoint(TRUNCATE)", rs -> rs.next() && rs.getInt(1) == 0);
    }
}
