package org.referrals.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.AppProcess;

/**
 * The README's run command, as a new user runs it: {@code java -jar infra/target/referral-network.jar} on the
 * embedded defaults, in a process of its own, answers {@code GET /actuator/health} with UP and says where its data is.
 */
class PackagedJarIT {

    @TempDir
    Path workDir;
    private String baseUrl;

    @Test
    void thePackagedJarStartsOnEmbeddedDefaultsAndIsHealthy() throws Exception {
        assertThat(AppProcess.jar()).exists();
        try (AppProcess app = AppProcess.start(workDir, List.of())) {
            this.baseUrl = app.baseUrl(); // the walkthrough reads its base URL from B
            String health = app.awaitHealthy(Duration.ofSeconds(90));
            assertThat(health).contains("\"status\":\"UP\"");
            assertThat(app.output()).contains("data directory: " + workDir.resolve("data"))
                                    .contains("event store: embedded SQLite database")
                                    .contains("MongoDB: embedded in-memory server on 127.0.0.1:")
                                    .doesNotContain(":8124"); // no Axon Server connection attempt (host:port)
            assertThat(workDir.resolve("data").resolve("eventstore.db")).exists();
            runReadmeWalkthrough();
        }
    }

    /** The README's curl walkthrough, pasted into bash as a new integrator would, against this process. */
    private void runReadmeWalkthrough() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("referrals.readme", "../README.md")));
        String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"), readme.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```sh") + 5, block.lastIndexOf("```"));
        ProcessBuilder walkthrough = new ProcessBuilder("bash", "-e", "-c", script)
                .directory(workDir.toFile());
        walkthrough.environment().put("B", baseUrl);
        Process bash = walkthrough
                .redirectErrorStream(true)
                .start();
        bash.getOutputStream().close();
        String output;
        try (var in = bash.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int exit = bash.waitFor();
        assertThat(exit).as("walkthrough output:%n%s", output).isZero();
        assertThat(output).contains("\"status\":\"ACCEPTED\"", "\"status\":\"DELIVERED\"", "\"total\":1",
                                    "\"acceptanceRate\":1.0", "\"nodes\":", "\"summary\":\"Closed: NEED_MET\"",
                                    "\"verified\":true,\"checkedEvents\":")
                          .containsPattern("\"referralId\":\"[0-9a-f-]{36}\",\"caseId\".*\"status\":\"CLOSED\"");
    }
}
