package org.referrals.infra.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.referrals.infra.support.ServerLayout;

/**
 * Runs the benchmark harness against the packaged jar: in the build in {@code smoke} mode (seconds per phase), to
 * show the harness works and its table is complete; with {@code -Pbenchmark -Dbenchmark.mode=short|full} for real
 * figures. Asserts nothing about time: machines are noisy. The table goes to target/benchmark-<mode>.md.
 */
class BenchmarkHarnessIT {

    @Test
    void theHarnessMeasuresEveryRowAndPrintsOneTable() throws Exception {
        String mode = System.getProperty("benchmark.mode", "smoke");
        // kept after the run (the applications' logs tell what happened when a phase fails); a new run starts afresh
        Path workDir = Path.of("target", "benchmark-work-" + mode).toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        var harness = new BenchmarkHarness(BenchmarkHarness.Mode.of(mode), workDir);
        String markdown = harness.run();
        Files.writeString(Path.of("target", "benchmark-" + mode + ".md"), markdown);
        System.out.println(markdown);

        assertThat(markdown).startsWith("### Benchmark (" + mode + " mode) on ").contains("| measure | value |");
        assertThat(harness.table().rows()).extracting(row -> row.measure().replaceAll(" \\d[\\d.]* commands/s$", "")).contains(
                "data generator, commands/s through the command bus (one at a time)",
                "commands/s over HTTP, 1 client(s)", "commands/s over HTTP, 8 client(s)", "commands/s over HTTP, 32 client(s)",
                "command latency p50 / p99, 8 client(s)", "query referral by id (the floor) p50 / p99, 16 clients",
                "query inbox page p50 / p99, 16 clients",
                "query caseload p50 / p99, 16 clients", "query network map p50 / p99, 16 clients",
                "query timeline p50 / p99, 16 clients", "query statistics p50 / p99, 16 clients",
                "application CPU per query, each alone (16 clients)",
                "projection lag p50 / p99 at", "replay of all projections, events/s",
                "replay, stock configuration (tracking processors, batch size 1), events/s",
                "resident memory, peak / now", "heap after a full GC",
                "start-up to healthy, with the data set (unpacked jar and class-data archive, as README.md starts a server)");
        assertThat(harness.table().rows()).allSatisfy(row -> assertThat(row.value()).doesNotContain("NaN").isNotBlank());
        assertThat(ServerLayout.shared().archive()).as("the class-data archive of the server start").isNotEmptyFile();
    }
}
