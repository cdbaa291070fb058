package org.referrals.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.eventstore.EmbeddedEventStoreFiles;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.referrals.query.audit.AuditChainer;
import org.referrals.query.audit.AuditVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit chain's links outlive the in-memory read models: an event changed in the event store's file while the
 * application is stopped is found by {@code verify} after the next start, at its position, rather than chained
 * anew as if it had always been so.
 */
class AuditAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void anEventChangedWhileStoppedIsFoundAfterTheRestart() {
        try (var first = RunningApplication.start(dataDir, "referrals.audit.gap-timeout=0s")) {
            for (String partner : List.of("audit-a", "audit-b", "audit-c")) {
                first.send(Samples.partner(partner, ServiceCategory.HEALTH_CARE), COORDINATOR);
            }
            assertThat(first.bean(AuditChainer.class).catchUp().count()).isGreaterThanOrEqualTo(3);
        }

        var file = new SingleConnectionDataSource("jdbc:sqlite:" + dataDir.resolve(EmbeddedEventStoreFiles.SQLITE), true);
        JdbcTemplate sql = new JdbcTemplate(file);
        long target = sql.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = 'audit-b'", Long.class);
        String payload = sql.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", String.class, target);
        sql.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", payload.replace("Partner ", "Pirate "), target);
        file.destroy();

        try (var second = RunningApplication.start(dataDir, "referrals.audit.gap-timeout=0s")) {
            AuditVerification verification = second.bean(AuditVerifier.class).verify(null, null);
            assertThat(verification.verified()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(target);
        }
    }
}
