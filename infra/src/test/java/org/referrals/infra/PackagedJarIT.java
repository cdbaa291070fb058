package org.referrals.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Path jar = Path.of(System.getProperty("referrals.jar", "target/referral-network.jar")).toAbsolutePath();
        assertThat(jar).exists();
        int port = freePort();
        Path log = workDir.resolve("app.log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                    "-jar", jar.toString(), "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("REFERRALS_") || name.startsWith("AXON_"));
        // the walkthrough reads its base URL from B
        this.baseUrl = "http://127.0.0.1:" + port;
        Process app = command.start();
        try {
            String health = awaitHealth(port, app, Duration.ofSeconds(90));
            assertThat(health).contains("\"status\":\"UP\"");
            String output = Files.readString(log);
            assertThat(output).contains("data directory: " + workDir.resolve("data"))
                              .contains("event store: embedded H2 database")
                              .contains("MongoDB: embedded server on 127.0.0.1:")
                              .doesNotContain(":8124"); // no Axon Server connection attempt (host:port)
            assertThat(workDir.resolve("data").resolve("eventstore.mv.db")).exists();
            assertThat(workDir.resolve("data").resolve("mongo.mv.db")).exists();
            runReadmeWalkthrough();
        } finally {
            app.destroy();
            app.waitFor();
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

    private static String awaitHealth(int port, Process app, Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                         .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no healthy answer on port " + port + " (process alive: " + app.isAlive() + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
