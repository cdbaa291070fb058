package org.referrals.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.referrals.query.audit.AuditChainer;
import org.referrals.query.audit.AuditHash;
import org.referrals.query.audit.AuditRecords;
import org.referrals.query.audit.AuditVerifier;
import org.referrals.query.audit.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampering directly in the event store's database is found by {@code verify}, at the first broken position: a
 * changed payload, a deleted event, two swapped events. Each tampering is undone afterwards, and the store then
 * verifies again. Runs against the embedded SQLite store and against PostgreSQL.
 */
abstract class AuditTamperingContract {

    private RunningApplication app;
    private JdbcTemplate sql;
    private List<Long> positions;

    /** The application, started on the store under test, with a few events in it. */
    abstract RunningApplication app();

    @BeforeEach
    void someEvents() {
        app = app();
        sql = new JdbcTemplate(app.bean(DataSource.class));
        if (sql.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class) < 6) {
            app.send(Samples.partner("ngo-audit-a", ServiceCategory.HEALTH_CARE), COORDINATOR);
            app.send(Samples.partner("ngo-audit-b", ServiceCategory.HEALTH_CARE), COORDINATOR);
            app.send(Samples.partner("ngo-audit-c", ServiceCategory.HEALTH_CARE), COORDINATOR);
            app.send(Samples.caseWithConsentForAnything(), Actor.partnerAgent("key-agent", "ngo-audit-a"));
            app.send(Samples.partner("ngo-audit-d", ServiceCategory.HEALTH_CARE), COORDINATOR);
        }
        positions = sql.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex", Long.class);
        assertThat(verify()).as("untouched store").returns(true, AuditVerification::verified)
                            .returns((long) positions.size(), AuditVerification::checkedEvents)
                            .returns(null, AuditVerification::firstBrokenSeq);
    }

    /**
     * The chain follows the store through Axon, and hashes each event's columns exactly as they are in the table:
     * the links equal those computed from the rows by SQL, as the chain was computed before it read through Axon, so
     * the chains recorded by earlier versions still verify.
     */
    @Test
    void theChainHashesTheRowsAsStored() {
        app.bean(AuditChainer.class).catchUp();
        String prevHash = AuditHash.GENESIS;
        List<AuditRecords.Link> links = app.bean(AuditRecords.class).between(0, positions.get(positions.size() - 1), 1000);
        List<StoredEvent> rows = sql.query("SELECT globalIndex, eventIdentifier, payloadType, aggregateIdentifier, sequenceNumber, "
                + "timeStamp, metaData, payload FROM DomainEventEntry ORDER BY globalIndex", (rs, n) -> new StoredEvent(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)));
        assertThat(links).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            String hash = AuditHash.link(prevHash, rows.get(i));
            assertThat(links.get(i)).as("link at %d", rows.get(i).position())
                                    .isEqualTo(new AuditRecords.Link(rows.get(i).position(), i + 1, rows.get(i).eventId(), prevHash, hash));
            prevHash = hash;
        }
    }

    @Test
    void aChangedPayloadIsFoundAtItsPosition() {
        long target = positions.get(2);
        String original = sql.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", String.class, target);
        var checkpoint = app.bean(AuditChainer.class).catchUp();

        sql.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original.replace("Partner ", "Pirate "), target);
        AuditVerification tampered = verify();
        assertThat(tampered.verified()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(target);
        assertThat(tampered.checkedEvents()).isEqualTo(2);
        assertThat(app.bean(AuditVerifier.class).verify(checkpoint.position(), checkpoint.hash()).checkpointMatches())
                .as("the signed checkpoint no longer matches").isFalse();

        sql.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, target);
        assertThat(verify().verified()).isTrue();
        assertThat(app.bean(AuditVerifier.class).verify(checkpoint.position(), checkpoint.hash()).checkpointMatches()).isTrue();
    }

    @Test
    void aDeletedEventIsFoundAtItsPosition() {
        long target = positions.get(3);
        Map<String, Object> row = sql.queryForMap("SELECT * FROM DomainEventEntry WHERE globalIndex = ?", target);

        sql.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", target);
        AuditVerification tampered = verify();
        assertThat(tampered.verified()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(target);

        String columns = String.join(", ", row.keySet());
        sql.update("INSERT INTO DomainEventEntry (" + columns + ") VALUES (" + "?, ".repeat(row.size() - 1) + "?)",
                   row.values().toArray());
        assertThat(verify().verified()).isTrue();
    }

    @Test
    void twoSwappedEventsAreFoundAtTheFirstOfThem() {
        long first = positions.get(1);
        long second = positions.get(4);

        swap(first, second);
        AuditVerification tampered = verify();
        assertThat(tampered.verified()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(first);

        swap(first, second);
        assertThat(verify().verified()).isTrue();
    }

    private void swap(long first, long second) {
        sql.update("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = ?", first);
        sql.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", first, second);
        sql.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = -1", second);
    }

    private AuditVerification verify() {
        return app.bean(AuditVerifier.class).verify(null, null);
    }
}
