package org.referrals.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The configurable limits, on an application of their own: the failed-authentication throttle (429 after the limit
 * per address and per key id, never for a good key), CORS opened to one origin, and a small body limit also for bodies
 * without Content-Length.
 */
class HttpLimitsTest {

    private static final String ADMIN_KEY = "limits-test-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final String DASHBOARD = "https://dashboard.example.org";

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static WebTestClient web;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ADMIN_KEY,
                                       "referrals.http.failed-auth-limit=3", "referrals.http.failed-auth-window=1m",
                                       "referrals.http.cors-allowed-origins=" + DASHBOARD,
                                       "referrals.http.max-body-size=1KB", "referrals.http.header-timeout=1s",
                                       "referrals.http.body-read-timeout=1s", "referrals.http.body-timeout=3s");
        web = app.web();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void corsIsOpenToTheConfiguredOriginOnly() {
        web.options().uri("/api/partners").header("Origin", DASHBOARD).header("Access-Control-Request-Method", "GET")
           .header("Access-Control-Request-Headers", "X-API-Key").exchange()
           .expectStatus().isOk()
           .expectHeader().valueEquals("Access-Control-Allow-Origin", DASHBOARD);
        web.get().uri("/api/partners").header("Origin", DASHBOARD).header("X-API-Key", ADMIN_KEY).exchange()
           .expectStatus().isOk().expectHeader().valueEquals("Access-Control-Allow-Origin", DASHBOARD);
        web.options().uri("/api/partners").header("Origin", "https://evil.example.org")
           .header("Access-Control-Request-Method", "GET").exchange()
           .expectStatus().isForbidden().expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void aStreamedBodyAboveTheLimitAnswers413() {
        DataBuffer chunk = DefaultDataBufferFactory.sharedInstance.wrap(("{\"label\":\"" + "x".repeat(600)).getBytes(StandardCharsets.UTF_8));
        DataBuffer rest = DefaultDataBufferFactory.sharedInstance.wrap(("x".repeat(600) + "\"}").getBytes(StandardCharsets.UTF_8));
        web.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
           .body(Flux.just(chunk, rest), DataBuffer.class).exchange()
           .expectStatus().isEqualTo(413);
    }

    @Test
    void anAddressThatKeepsFailingIsSlowedDownWithoutLockingOutAValidKeyBehindIt() {
        WebTestClient shared = from("127.0.0.2");
        for (int attempt = 0; attempt < 3; attempt++) {
            shared.get().uri("/api/partners").header("X-API-Key", "rk_guess" + attempt + ".secret").exchange().expectStatus().isUnauthorized();
        }
        shared.get().uri("/api/partners").header("X-API-Key", "rk_guess3.secret").exchange()
              .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        shared.get().uri("/api/partners").header("X-API-Key", ADMIN_KEY).exchange()
              .expectStatus().isOk(); // a valid key behind the same address
        from("127.0.0.3").get().uri("/api/partners").header("X-API-Key", "rk_guess4.secret").exchange()
                         .expectStatus().isUnauthorized(); // another address
    }

    @Test
    void guessesAtOneKeyFromRotatingAddressesAreSlowedDownWithoutLockingOutItsOwner() {
        for (int attempt = 0; attempt < 3; attempt++) {
            from("127.0.1." + (attempt + 1)).get().uri("/api/partners").header("X-API-Key", "rk_bootstrap.guess" + attempt)
                                            .exchange().expectStatus().isUnauthorized();
        }
        from("127.0.1.9").get().uri("/api/partners").header("X-API-Key", "rk_bootstrap.guess").exchange()
                         .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        from("127.0.1.9").get().uri("/api/partners").header("X-API-Key", ADMIN_KEY).exchange()
                         .expectStatus().isOk(); // the key's owner
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnected() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /api/partners HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            // a header line every 200 ms: never idle, never done; the server hangs up at the deadline (1 s here)
            int[] line = {0};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                   .until(() -> closedAfterWriting(socket, "X-Slow-" + line[0]++ + ": 1\r\n"));
        }
    }

    @Test
    void aClientTricklingItsBodyIsCutOff() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/admin/api-keys HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"label\":\"").getBytes(StandardCharsets.US_ASCII));
            // a byte every 200 ms: never 1 s without a read, but the body's 3 s run out
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                   .until(() -> closedAfterWriting(socket, "x"));
        }
    }

    @Test
    void whatTheServerRefusesBeforeAnyControllerIsAProblemDocumentToo() throws IOException {
        assertThat(raw("GET /api/partners/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 414").contains("application/problem+json").contains("\"status\":414");
        assertThat(raw("GET /api/partners HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431").contains("application/problem+json").contains("\"status\":431");
        assertThat(raw("GET /api/partners/a%2F..%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .as("the path firewall").startsWith("HTTP/1.1 400").contains("application/problem+json").contains("request-rejected");
    }

    /** Sends the bytes as they are and reads the answer until the server closes or goes quiet. */
    private static String raw(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = socket.getInputStream().read(buffer)) != -1; ) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break; // the problem document is complete
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port")));
        socket.setSoTimeout(50);
        return socket;
    }

    /** Writes, then reads what the server sent: true once it answered (a 408) or hung up. */
    private static boolean closedAfterWriting(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read(); // returns -1 (hung up) or the first byte of an answer: no longer waiting
            return true;
        } catch (SocketTimeoutException stillWaiting) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** A client whose requests come from this loopback address (any 127.x.y.z is this machine). */
    private static WebTestClient from(String address) {
        String port = app.context().getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client)).baseUrl("http://127.0.0.1:" + port).build();
    }
}
