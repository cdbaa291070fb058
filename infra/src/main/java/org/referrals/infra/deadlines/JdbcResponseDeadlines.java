package org.referrals.infra.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.referrals.command.referral.deadline.ResponseDeadlines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table {@code referral_deadline} in the event store's database: one row per referral waiting for an answer.
 * Writes join the command's transaction (the recorder is a subscribing processor), so a row commits with the
 * event that creates, advances or ends it. Times are stored as UTC instants.
 */
@Component
public class JdbcResponseDeadlines implements ResponseDeadlines {

    private final JdbcTemplate jdbc;

    public JdbcResponseDeadlines(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        createTable(jdbc);
    }

    /** The table, where it is missing (the same SQL on SQLite and PostgreSQL). */
    public static void createTable(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS referral_deadline ("
                             + "referral_id VARCHAR(64) PRIMARY KEY, "
                             + "respond_by TIMESTAMP NOT NULL, "
                             + "expires_at TIMESTAMP NOT NULL, "
                             + "overdue_recorded BOOLEAN DEFAULT FALSE NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS referral_deadline_respond_by ON referral_deadline (respond_by)");
    }

    @Override
    public void schedule(String referralId, Instant respondBy, Instant expiresAt) {
        jdbc.update("INSERT INTO referral_deadline (referral_id, respond_by, expires_at) VALUES (?, ?, ?)",
                    referralId, utc(respondBy), utc(expiresAt));
    }

    @Override
    public void overdueRecorded(String referralId) {
        jdbc.update("UPDATE referral_deadline SET overdue_recorded = TRUE WHERE referral_id = ?", referralId);
    }

    @Override
    public void cancel(String referralId) {
        jdbc.update("DELETE FROM referral_deadline WHERE referral_id = ?", referralId);
    }

    @Override
    public List<Waiting> dueAt(Instant now, int limit) {
        return jdbc.query("SELECT referral_id, respond_by, expires_at, overdue_recorded FROM referral_deadline "
                                  + "WHERE (overdue_recorded = FALSE AND respond_by <= ?) OR expires_at <= ? "
                                  + "ORDER BY respond_by, referral_id LIMIT ?",
                          (rs, n) -> new Waiting(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                                                 rs.getBoolean(4)),
                          utc(now), utc(now), limit);
    }

    /** TIMESTAMP without zone holds UTC wall time, whatever the JVM's zone. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
}
