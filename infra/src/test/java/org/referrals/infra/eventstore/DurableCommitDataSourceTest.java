package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which statements make a transaction need a durable checkpoint at commit. That writes are still durable is shown by
 * {@code KillDashNineTest}; this shows that reads no longer pay for an fsync.
 */
class DurableCommitDataSourceTest {

    @Test
    void aCommittedWriteIsCheckpointedAReadOnlyTransactionIsNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (var pool = EventStoreDataSources.embeddedH2(dir.resolve("db"))) {
            try (var c = pool.getConnection()) {
                c.createStatement().execute("CREATE TABLE t (id INT)");
            }
            long before = DurableCommitDataSource.CHECKPOINTS.get();
            try (var c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (var insert = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
                    insert.setInt(1, 1);
                    insert.executeUpdate();
                }
                c.commit();
                assertThat(DurableCommitDataSource.CHECKPOINTS.get()).as("after a write").isEqualTo(before + 1);
                try (var select = c.prepareStatement("SELECT id FROM t")) {
                    select.executeQuery().close();
                }
                c.commit();
                assertThat(DurableCommitDataSource.CHECKPOINTS.get()).as("after a read").isEqualTo(before + 1);
                // a prepared statement executed again in later transactions makes each of them durable
                try (var insert = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
                    for (int i = 0; i < 3; i++) {
                        insert.setInt(1, i);
                        insert.executeUpdate();
                        c.commit();
                    }
                }
                assertThat(DurableCommitDataSource.CHECKPOINTS.get()).as("after three more writes").isEqualTo(before + 4);
            }
        }
    }

    @Test
    void writesAndAnythingUnknownNeedACheckpointReadsDoNot() {
        assertThat(DurableCommitDataSource.writes("INSERT INTO DomainEventEntry (a) VALUES (?)")).isTrue();
        assertThat(DurableCommitDataSource.writes("  update case_data_key set closed_at = ?")).isTrue();
        assertThat(DurableCommitDataSource.writes("DELETE FROM referral_deadline WHERE referral_id = ?")).isTrue();
        assertThat(DurableCommitDataSource.writes("MERGE INTO t KEY (id) VALUES (1)")).isTrue();
        assertThat(DurableCommitDataSource.writes("CREATE TABLE IF NOT EXISTS x (id INT)")).isTrue();
        assertThat(DurableCommitDataSource.writes("CALL something()")).isTrue();
        assertThat(DurableCommitDataSource.writes("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ?")).isFalse();
        assertThat(DurableCommitDataSource.writes("\n  select count(*) from x")).isFalse();
        assertThat(DurableCommitDataSource.writes("WITH t AS (SELECT 1) SELECT * FROM t")).isFalse();
    }
}
