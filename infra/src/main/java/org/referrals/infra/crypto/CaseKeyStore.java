package org.referrals.infra.crypto;

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

    public CaseKeyStore(DataSource dataSource, boolean postgres) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS case_data_key ("
                             + "case_id VARCHAR(64) PRIMARY KEY, "
                             + "wrapped_key " + (postgres ? "BYTEA" : "VARBINARY(128)") + " NOT NULL, "
                             + "created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }

    public Optional<byte[]> find(String caseId) {
        return jdbc.query("SELECT wrapped_key FROM case_data_key WHERE case_id = ?",
                          rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), caseId);
    }

    public void insert(String caseId, byte[] wrappedKey) {
        jdbc.update("INSERT INTO case_data_key (case_id, wrapped_key) VALUES (?, ?)", caseId, wrappedKey);
    }

    /** Destroys the key: afterwards nothing sealed under it can be opened. Answers whether a key was there. */
    public boolean delete(String caseId) {
        return jdbc.update("DELETE FROM case_data_key WHERE case_id = ?", caseId) > 0;
    }
}
