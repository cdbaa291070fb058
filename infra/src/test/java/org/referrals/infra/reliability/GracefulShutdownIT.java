package org.referrals.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.benchmark.Api;
import org.referrals.infra.benchmark.Workload;
import org.referrals.infra.support.AppProcess;

/**
 * SIGTERM while 8 clients make referrals: requests in flight are finished or refused cleanly (a closed connection or
 * 503, never another error), the process exits by itself, and every referral it acknowledged is there after a
 * restart. A SIGTERM with no request in flight completes the graceful shutdown, however the connections were used
 * before (none is left waiting for an answer long sent).
 */
class GracefulShutdownIT {

    private static final String ADMIN_KEY = "shutdown-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final int CLIENTS = 8;

    @TempDir
    Path workDir;

    @Test
    void sigtermDuringLoadLosesNothingAcknowledgedAndAnswersNoErrors() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger refusedConnections = new AtomicInteger();
        Workload workload;
        int exit;
        String output;
        try (AppProcess app = start()) {
            app.awaitHealthy(Duration.ofSeconds(90));
            workload = Workload.prepare(new Api(app.baseUrl()), ADMIN_KEY, CLIENTS);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            Api.Answer answer = workload.refer(id);
                            answers.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                            if (answer.status() == 201) {
                                acknowledged.add(answer.field("referralId"));
                            }
                        } catch (UncheckedIOException closedOrRefused) {
                            refusedConnections.incrementAndGet();
                            sleep();
                        }
                    }
                });
            }
            Thread.sleep(3_000);
            long signalled = System.nanoTime();
            exit = app.terminate(Duration.ofSeconds(60));
            System.out.printf("SIGTERM: exit %d after %d ms; answers %s, %d closed or refused connections, %d acknowledged%n",
                              exit, (System.nanoTime() - signalled) / 1_000_000, answers, refusedConnections.get(), acknowledged.size());
            output = app.output();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(exit).as("exited by itself after SIGTERM").isNotEqualTo(-1);
        assertThat(output).contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
        assertThat(acknowledged).isNotEmpty();
        assertThat(answers.keySet()).as("answers by status: %s", answers).isSubsetOf(201, 503);

        try (AppProcess restarted = start()) {
            restarted.awaitHealthy(Duration.ofSeconds(90));
            Api api = new Api(restarted.baseUrl());
            String coordinator = api.ok("/api/admin/api-keys", ADMIN_KEY, "{\"role\":\"COORDINATOR\",\"label\":\"check\"}").field("key");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<String> missing = List.copyOf(acknowledged);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                missing = missing.stream().filter(id -> api.get("/api/referrals/" + id, coordinator).status() != 200).toList();
                Thread.sleep(200);
            }
            assertThat(missing).as("acknowledged referrals missing after the restart (of %s)", acknowledged.size()).isEmpty();

            // rebuilds asked one after the other on one kept-alive connection, then SIGTERM with nothing in flight: the
            // shutdown completes (Reactor Netty 1.2.11 left such a connection "active" and waited the whole 30 s)
            for (String projection : List.of("referrals", "partners", "cases")) {
                assertThat(api.post("/api/admin/projections/" + projection + "/rebuild", ADMIN_KEY, "").status()).isEqualTo(202);
            }
            assertThat(api.awaitProjectionsIdle(ADMIN_KEY, Duration.ofMinutes(2))).isTrue();
            assertThat(restarted.terminate(Duration.ofSeconds(60))).as("exited by itself after SIGTERM").isNotEqualTo(-1);
            assertThat(restarted.output()).contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
        }
    }

    private AppProcess start() throws java.io.IOException, InterruptedException {
        return AppProcess.startServer(workDir, List.of("-Xmx512m"), "--referrals.bootstrap-admin-key=" + ADMIN_KEY);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
