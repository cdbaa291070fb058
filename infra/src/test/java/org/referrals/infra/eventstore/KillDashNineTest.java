package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event whose command was acknowledged is on disk: the application, in a separate process, is killed with
 * SIGKILL while four clients write, and every acknowledged event is found when the database is opened again.
 * Two rounds on the same data directory, so the second also starts on a database that was killed.
 */
class KillDashNineTest {

    @TempDir
    Path dataDir;
    /** What the child printed besides acknowledgements (the first lines), to explain a child that never acked. */
    private final List<String> childOutput = new CopyOnWriteArrayList<>();

    @Test
    void everyAcknowledgedEventSurvivesKillDashNine() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 1; round <= 2; round++) {
            List<String> acks = runAndKill("round" + round, 150);
            assertThat(acks).as("acknowledged before the kill in round %d; the child printed:%n%s", round,
                                String.join("\n", childOutput)).hasSizeGreaterThanOrEqualTo(150);
            acknowledged.addAll(acks);
        }
        Set<String> stored = storedPartnerIds();
        assertThat(stored).containsAll(acknowledged);
        System.out.printf("kill -9: %d acknowledged events, %d stored, none lost%n", acknowledged.size(), stored.size());
    }

    private List<String> runAndKill(String prefix, int acksBeforeKill) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                           "-cp", System.getProperty("java.class.path"),
                                           AcknowledgingWriter.class.getName(), dataDir.toString(), prefix)
                .redirectErrorStream(true)
                .start();
        List<String> acks = new CopyOnWriteArrayList<>();
        childOutput.clear();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acks.add(line.substring(4).trim());
                    } else if (childOutput.size() < 40) {
                        childOutput.add(line);
                    }
                }
            } catch (java.io.IOException closedByKill) {
                // the child is gone
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acks.size() < acksBeforeKill && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no flush
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        return List.copyOf(acks);
    }

    private Set<String> storedPartnerIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(EmbeddedEventStoreFiles.SQLITE));
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType LIKE '%PartnerRegistered'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
