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

    /**
     * H2 shows a commit to other connections before its checkpoint has written it: a processor read an event there,
     * projected it, and a kill before the checkpoint lost the event, leaving read models of something that never
     * happened (kill -9 harness, RELIABILITY.md). The event stream's read waits for the checkpoint; an aggregate's
     * read does not.
     */
    @Test
    void theEventStreamReadsAnEventOnlyOnceItsCheckpointIsDone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var committed = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (var pool = EventStoreDataSources.embeddedH2(dir.resolve("db"))) {
            try (var c = pool.getConnection()) {
                c.createStatement().execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT, aggregateIdentifier VARCHAR(36))");
            }
            DurableCommitDataSource.BEFORE_CHECKPOINT.set(() -> {
                committed.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var writer = executor.submit(() -> {
                try (var c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    c.createStatement().executeUpdate("INSERT INTO DomainEventEntry VALUES (0, 'r1')");
                    c.commit();
                }
                return null;
            });
            assertThat(committed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            DurableCommitDataSource.BEFORE_CHECKPOINT.set(() -> { });
            try (var c = pool.getConnection()) {
                var aggregate = c.prepareStatement("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?");
                aggregate.setString(1, "r1");
                assertThat(aggregate.executeQuery().next()).as("an aggregate's read is not held").isTrue();
            }
            var stream = executor.submit(() -> {
                try (var c = pool.getConnection();
                     var read = c.prepareStatement("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex")) {
                    read.setLong(1, -1);
                    var rows = read.executeQuery();
                    return rows.next();
                }
            });
            Thread.sleep(300);
            assertThat(stream.isDone()).as("the stream's read waits for the checkpoint").isFalse();
            release.countDown();
            writer.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stream.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("then sees the event").isTrue();
        } finally {
            release.countDown();
            DurableCommitDataSource.BEFORE_CHECKPOINT.set(() -> { });
            executor.shutdownNow();
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
        assertThat(DurableCommitDataSource.readsEventStream("SELECT e.globalIndex FROM DomainEventEntry e WHERE (e.globalIndex > ? AND e.globalIndex <= ?)")).isTrue();
        assertThat(DurableCommitDataSource.readsEventStream("SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber >= ? ORDER BY sequenceNumber")).isFalse();
    }
}
