package org.referrals.infra.caseclosure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.command.referral.caseclosure.OpenReferrals;
import org.referrals.command.referral.caseclosure.OpenReferralsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code open_referral} in the event store's database: one row per referral not yet ended, with its case and,
 * once the case is closed, the closure reason. Writes join the command's transaction (the recorder is a subscribing
 * processor). Created by this version: on a store written before, it is filled once from the events.
 */
@Component
public class JdbcOpenReferrals implements OpenReferrals {

    private static final Logger log = LoggerFactory.getLogger(JdbcOpenReferrals.class);
    /** On a large store the fill takes a while: a line every so many events says how far it is. */
    private static final long PROGRESS_EVERY = 200_000;

    private final JdbcTemplate jdbc;
    private final boolean createdNow;

    public JdbcOpenReferrals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.createdNow = !exists(jdbc);
        jdbc.execute("CREATE TABLE IF NOT EXISTS open_referral ("
                             + "referral_id VARCHAR(64) PRIMARY KEY, "
                             + "case_id VARCHAR(64) NOT NULL, "
                             + "case_closed VARCHAR(40))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS open_referral_case ON open_referral (case_id)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS open_referral_closed ON open_referral (case_closed)");
    }

    private static boolean exists(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "open_referral", null)) {
                return tables.next();
            }
        }));
    }

    /**
     * Where the table was created by this start and the store already holds events, reads them all into it, in one
     * transaction, before any command runs: the referrals of cases closed later are then ended too.
     */
    public void fillIfNew(EventStorageEngine engine, DataSource dataSource) {
        if (!createdNow) {
            return;
        }
        AtomicLong events = new AtomicLong();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
                all.forEach(message -> {
                    if (events.incrementAndGet() % PROGRESS_EVERY == 0) {
                        log.info("open referrals: {} events read into the table", events.get());
                    }
                    OpenReferralsRecorder.record(this, message.getPayload());
                });
            }
        });
        if (events.get() > 0) {
            log.info("open referrals: table filled from {} events", events.get());
        }
    }

    @Override
    public void opened(String referralId, String caseId) {
        jdbc.update("INSERT INTO open_referral (referral_id, case_id) VALUES (?, ?)", referralId, caseId);
    }

    @Override
    public void ended(String referralId) {
        jdbc.update("DELETE FROM open_referral WHERE referral_id = ?", referralId);
    }

    @Override
    public void caseClosed(String caseId, CaseClosureReason reason) {
        jdbc.update("UPDATE open_referral SET case_closed = ? WHERE case_id = ?", reason.name(), caseId);
    }

    @Override
    public List<ToEnd> ofClosedCases(int limit) {
        return jdbc.query("SELECT referral_id, case_closed FROM open_referral WHERE case_closed IS NOT NULL "
                                  + "ORDER BY referral_id LIMIT ?",
                          (ResultSet rs, int n) -> new ToEnd(rs.getString(1), CaseClosureReason.valueOf(rs.getString(2))), limit);
    }
}
