package org.referrals.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the crash harness against the packaged jar: in the build 1 round per event store, to show it works; with
 * {@code -Pcrash} 20 rounds per store (README, "Reliability"). The results go to {@code target/crash-results.md}.
 */
class CrashHarnessIT {

    @Test
    void nothingAcknowledgedIsLostAndEveryReadModelMatchesItsEventsAfterEveryKill() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 1);
        long seed = Long.getLong("crash.seed", 20261130L);
        List<CrashHarness.Result> results = new ArrayList<>();
        for (CrashHarness.Store store : CrashHarness.Store.values()) {
            Path workDir = Path.of("target", "crash-work-" + store.name().toLowerCase()).toAbsolutePath();
            org.springframework.util.FileSystemUtils.deleteRecursively(workDir);
            Files.createDirectories(workDir);
            results.add(new CrashHarness(workDir, store, rounds, seed).run());
        }
        String markdown = CrashHarness.markdown(results);
        Files.writeString(Path.of("target", "crash-results.md"), markdown);
        System.out.println(markdown);

        assertThat(results).allSatisfy(result -> {
            assertThat(result.acknowledged()).as("commands acknowledged").isPositive();
            assertThat(result.keptEveryPromise()).as(markdown).isTrue();
        });
    }
}
